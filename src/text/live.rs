//! The class in words: a refusal of the class server told in the user's language (with the
//! field at fault and the server's own detail), the forms' own checks of a join code and a name
//! before they are sent, and why the file-based board refused a file.

use super::table::Strings;
use crate::live::{ApiProblem, Pairing, ProblemCode, CODE_ALPHABET, CODE_LEN, MAX_NAME_CHARS};
use crate::sim::exercise::{Refusal, MAX_RESULT_BYTES, MAX_RESULT_FILES};

/// A field of the live forms by its name in the protocol.
fn field_label<'a>(field: &'a str, t: &Strings) -> &'a str {
    match field {
        "code" => t.live_code,
        "name" => t.live_name,
        "client" => t.pair_col_client,
        "supplier" => t.pair_col_supplier,
        "pair" => t.pair_table,
        other => other,
    }
}

/// How a class forms its pairs, in words.
pub fn pairing(p: Pairing, t: &Strings) -> &'static str {
    match p {
        Pairing::Arrival => t.pairing_arrival,
        Pairing::Hand => t.pairing_hand,
    }
}

/// A refusal of the class server in the language of `t`.
pub fn tell(p: &ApiProblem, t: &Strings) -> String {
    let sentence = match p.code {
        ProblemCode::Invalid => t.live_p_invalid,
        ProblemCode::NotFound => t.live_p_not_found,
        ProblemCode::Unauthorised => t.live_p_unauthorised,
        ProblemCode::Closed => t.live_p_closed,
        ProblemCode::NameTaken => t.live_p_name_taken,
        ProblemCode::Full => t.live_p_full,
        ProblemCode::AlreadyDone => t.live_p_already_done,
        ProblemCode::Unverified => t.live_p_unverified,
        ProblemCode::RateLimited => t.live_p_rate_limited,
        ProblemCode::TooLarge => t.live_p_too_large,
        ProblemCode::Server => t.live_p_server,
    };
    // The form's own fields have their own sentences; the model's detail (which field of an
    // exercise, which decision) is kept as the server wrote it.
    match p.code {
        ProblemCode::Invalid | ProblemCode::Unverified if !p.message.is_empty() => {
            format!("{sentence} — {}: {}", field_label(&p.field, t), p.message)
        }
        _ => sentence.to_string(),
    }
}

/// Why a result file was not taken onto the class board, in the language of `t`.
pub fn tell_intake(r: &Refusal, t: &Strings) -> String {
    match r {
        Refusal::TooLarge(_) => Strings::fill(
            t.board_refused_large,
            &[("max", &(MAX_RESULT_BYTES / 1024).to_string())],
        ),
        Refusal::Full => Strings::fill(
            t.board_refused_full,
            &[("max", &MAX_RESULT_FILES.to_string())],
        ),
        Refusal::Unreadable(e) => e.to_string(),
        Refusal::OtherExercise { board, file } => {
            Strings::fill(t.board_refused_other, &[("board", board), ("file", file)])
        }
        Refusal::Again(name) => Strings::fill(t.board_refused_again, &[("name", name)]),
    }
}

/// The server could not be reached.
pub fn unreachable(t: &Strings) -> String {
    t.live_p_network.to_string()
}

/// What the join code field takes, told when a typed code is refused.
pub fn code_form(t: &Strings) -> String {
    Strings::fill(
        t.live_code_form,
        &[
            ("label", t.live_code),
            ("n", &CODE_LEN.to_string()),
            ("alphabet", CODE_ALPHABET),
        ],
    )
}

/// What the name field takes.
pub fn name_form(t: &Strings) -> String {
    Strings::fill(
        t.live_name_form,
        &[("label", t.live_name), ("max", &MAX_NAME_CHARS.to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, NL};

    #[test]
    fn a_refusal_is_told_in_each_language_with_its_detail() {
        let p = ApiProblem::new(
            ProblemCode::Unverified,
            "decisions[0].option",
            "'bribe_the_auditor' is not on the exercise's menu",
        );
        let (en, nl) = (tell(&p, &EN), tell(&p, &NL));
        assert!(
            en.starts_with(EN.live_p_unverified) && en.contains("bribe_the_auditor"),
            "{en}"
        );
        assert!(
            nl.starts_with(NL.live_p_unverified) && nl.contains("decisions[0].option"),
            "{nl}"
        );
        let taken = ApiProblem::new(ProblemCode::NameTaken, "name", "'Ann' is taken");
        assert_eq!(tell(&taken, &NL), NL.live_p_name_taken);
        assert!(code_form(&NL).contains("6") && code_form(&NL).starts_with(NL.live_code));
        assert!(name_form(&EN).contains("40"));
        let again = tell_intake(&Refusal::Again("Ann".into()), &NL);
        assert!(again.starts_with("Ann staat al"), "{again}");
    }
}
