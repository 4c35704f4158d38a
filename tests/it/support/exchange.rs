//! Two journals that know each other: a supervisee's and a supervisor's, each holding
//! the other as a confirmed contact, as two people are after comparing safety codes.

use attune::ids::ContactId;
use attune::journal::Journal;
use attune::share::exchange::parse_contact_id;
pub use attune::share::Exchange;
use attune::share::{CardRole, MyRelation};

/// A contact id as the journal reports it (hex), as the journal takes it.
pub fn contact_id(hex: &str) -> ContactId {
    parse_contact_id(hex).unwrap()
}

/// [`pair_named`] with the names "Alex" (supervisee) and "Sam" (supervisor).
pub fn pair(supervisee: &mut Journal, supervisor: &mut Journal) -> (ContactId, ContactId) {
    pair_named(supervisee, "Alex", supervisor, "Sam")
}

/// Exchange cards between `supervisee` and `supervisor` under the given names, check
/// that both see the same safety code, and confirm on both sides. Returns the contact
/// ids: the supervisor's in the supervisee's journal, the supervisee's in the
/// supervisor's.
pub fn pair_named(
    supervisee: &mut Journal,
    supervisee_name: &str,
    supervisor: &mut Journal,
    supervisor_name: &str,
) -> (ContactId, ContactId) {
    let card_a = Exchange::new(&mut *supervisee)
        .export_card(supervisee_name, CardRole::Supervisee)
        .unwrap();
    let card_b = Exchange::new(&mut *supervisor)
        .export_card(supervisor_name, CardRole::Supervisor)
        .unwrap();
    let b_in_a = Exchange::new(&mut *supervisee)
        .import_card(&card_b, MyRelation::MySupervisor, false)
        .unwrap();
    let a_in_b = Exchange::new(&mut *supervisor)
        .import_card(&card_a, MyRelation::MySupervisee, false)
        .unwrap();
    assert_eq!(b_in_a.safety_code, a_in_b.safety_code);
    let (b_in_a, a_in_b) = (contact_id(&b_in_a.id), contact_id(&a_in_b.id));
    Exchange::new(&mut *supervisee)
        .confirm_contact(&b_in_a, true)
        .unwrap();
    Exchange::new(&mut *supervisor)
        .confirm_contact(&a_in_b, true)
        .unwrap();
    (b_in_a, a_in_b)
}
