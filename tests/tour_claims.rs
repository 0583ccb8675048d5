//! Every claim the guided tour makes, checked over its own numbers: each step states its lesson as
//! claims (`relsim::text::tour::Claim`), and each must hold on the mean over the step's futures.

use relsim::text::tour::{check, Claim, Measure, CLAIM_FUTURES, STEPS};

#[test]
fn every_tour_step_makes_claims_and_they_hold() {
    for (i, step) in STEPS.iter().enumerate() {
        assert!(!step.claims.is_empty(), "step {} makes no claim", i + 1);
        for claim in step.claims {
            if let Err(e) = check(step, claim, CLAIM_FUTURES) {
                panic!("tour step {}: {e}", i + 1);
            }
        }
    }
}

#[test]
fn a_wrong_claim_fails_with_its_text_and_numbers() {
    // "Every repair step adds something" — the text the tour used to have — is not what the
    // model says: an apology alone leaves trust below no repair at all.
    let wrong = Claim::Rises {
        measure: Measure::ClientTrustAt(103),
        values: &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0],
    };
    let e = check(&STEPS[6], &wrong, 1).unwrap_err();
    assert!(
        e.starts_with(
            "ClientTrustAt(103) rises over the control values [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]: ["
        ),
        "{e}"
    );
    // The line at the default lower bound never ends the partnership: a claim that it does fails.
    let e = check(
        &STEPS[1],
        &Claim::EndsInPartnership {
            at: 0.2,
            yes: false,
        },
        1,
    )
    .unwrap_err();
    assert!(e.contains("1 of 1 futures end in partnership"), "{e}");
}
