// The no-network check must be able to fail: it flags real internet traffic and lets
// through only WebDriver's loopback automation channel.
import test from 'node:test';
import assert from 'node:assert/strict';
import { foreignSockets } from '../lib/harness.js';

const INSPECTOR = '127.0.0.1:52547';
const automation = [
  '26248 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 18',
  '26248 bind(18, {sa_family=AF_INET, sin_port=htons(52547), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
  '26248 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 26',
  '26250 connect(26, {sa_family=AF_INET, sin_port=htons(52547), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS',
  '26248 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 30',
].join('\n');

test('the automation channel alone passes', () => {
  assert.deepEqual(foreignSockets(automation, INSPECTOR), []);
});

test('a connection anywhere else is caught', () => {
  const outside = `${automation}\n26300 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 31\n26300 connect(31, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = -1 EINPROGRESS`;
  assert.equal(foreignSockets(outside, INSPECTOR).length, 2);
  const v6 = '1 socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = 9\n1 sendto(9, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(53)}, 28) = 1';
  assert.equal(foreignSockets(v6, INSPECTOR).length, 2);
});

test('an internet socket never tied to the automation channel is caught', () => {
  assert.equal(foreignSockets('7 socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP) = 12', INSPECTOR).length, 1);
  assert.equal(foreignSockets(automation, null).length, 4, 'with no automation channel nothing is allowed');
});
