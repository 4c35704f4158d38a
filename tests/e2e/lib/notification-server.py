#!/usr/bin/python3
"""A test notification server for the end-to-end journeys.

Owns org.freedesktop.Notifications on the session bus it is started on (the journeys'
private bus from dbus-run-session, never the desktop's) and appends each Notify call's
app name, summary, body and actions to a file, one JSON object per line. Touching
CLICK_FILE makes it emit ActionInvoked(id, "default") for the latest notification, as
a person clicking it would.

Usage: notification-server.py OUT_FILE READY_FILE CLICK_FILE
"""
import json
import os
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Server(dbus.service.Object):
    def __init__(self, bus, out):
        super().__init__(bus, PATH)
        self.out = out
        self.last_id = 0

    @dbus.service.method(NAME, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, icon, summary, body, actions, hints, timeout):
        self.last_id += 1
        record = {
            "id": self.last_id,
            "app_name": str(app_name),
            "icon": str(icon),
            "summary": str(summary),
            "body": str(body),
            "actions": [str(a) for a in actions],
        }
        with open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
        return dbus.UInt32(self.last_id)

    @dbus.service.method(NAME, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["body", "actions"]

    @dbus.service.method(NAME, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ["attune-e2e", "attune", "1", "1.2"]

    @dbus.service.method(NAME, in_signature="u", out_signature="")
    def CloseNotification(self, nid):
        self.NotificationClosed(nid, 3)

    @dbus.service.signal(NAME, signature="uu")
    def NotificationClosed(self, nid, reason):
        pass

    @dbus.service.signal(NAME, signature="us")
    def ActionInvoked(self, nid, action):
        pass


def main():
    out, ready, click = sys.argv[1:4]
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    server = Server(bus, out)

    def poll_click():
        if os.path.exists(click) and server.last_id:
            os.remove(click)
            server.ActionInvoked(dbus.UInt32(server.last_id), "default")
        return True

    GLib.timeout_add(200, poll_click)
    with open(ready, "w", encoding="utf-8") as f:
        f.write(str(os.getpid()))
    _ = name
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
