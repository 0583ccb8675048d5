//! Secrets and codes: keys of 128 bits and more from the operating system's random source,
//! compared in constant time, and join codes drawn from the unambiguous alphabet.
//!
//! A key reads `t_<class id>_<secret>` (trainer) or `p_<participant id>_<secret>`
//! (participant): the id finds the row, and the secret is compared with the stored one in
//! constant time, so that timing tells nothing of it.

use subtle::ConstantTimeEq;

use crate::live::{CODE_ALPHABET, CODE_LEN};

/// Random bytes from the operating system.
fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS's source failing is a broken machine; a server that cannot draw keys must not
    // hand out weak ones.
    if let Err(e) = getrandom::fill(&mut bytes) {
        panic!("the operating system's random source failed: {e}");
    }
    bytes
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A secret of 256 bits, as 64 hex characters.
pub fn secret() -> String {
    hex(&random::<32>())
}

/// A class id of 64 bits, as 16 hex characters (public; the secret guards the class).
pub fn class_id() -> String {
    hex(&random::<8>())
}

/// A join code of [`CODE_LEN`] characters from [`CODE_ALPHABET`], each drawn without bias.
pub fn join_code() -> String {
    let alphabet = CODE_ALPHABET.as_bytes();
    let n = alphabet.len() as u8;
    // Bytes at or above the largest multiple of n are drawn again (no modulo bias).
    let limit = u8::MAX - (u8::MAX % n);
    let mut code = String::with_capacity(CODE_LEN);
    while code.len() < CODE_LEN {
        for b in random::<16>() {
            if b < limit && code.len() < CODE_LEN {
                code.push(alphabet[(b % n) as usize] as char);
            }
        }
    }
    code
}

/// Which kind of key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// A trainer's key of one class.
    Trainer,
    /// A participant's key.
    Participant,
}

/// A key as `kind_id_secret`.
pub fn key(kind: KeyKind, id: &str, secret: &str) -> String {
    let prefix = match kind {
        KeyKind::Trainer => "t",
        KeyKind::Participant => "p",
    };
    format!("{prefix}_{id}_{secret}")
}

/// Splits a presented key into its id and secret, if it is of `kind`.
pub fn split(kind: KeyKind, key: &str) -> Option<(&str, &str)> {
    let prefix = match kind {
        KeyKind::Trainer => "t_",
        KeyKind::Participant => "p_",
    };
    let rest = key.strip_prefix(prefix)?;
    let (id, secret) = rest.split_once('_')?;
    (!id.is_empty() && id.len() <= 32 && secret.len() <= 128).then_some((id, secret))
}

/// Whether a presented secret is the stored one, in time that does not depend on where they
/// differ.
pub fn same(presented: &str, stored: &str) -> bool {
    presented.as_bytes().ct_eq(stored.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_long_random_and_read_back() {
        let (a, b) = (secret(), secret());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        let k = key(KeyKind::Trainer, "abc", &a);
        assert_eq!(split(KeyKind::Trainer, &k), Some(("abc", a.as_str())));
        assert_eq!(split(KeyKind::Participant, &k), None);
        assert!(same(&a, &a) && !same(&a, &b) && !same(&a[..63], &a));
    }

    #[test]
    fn join_codes_use_the_alphabet_evenly() {
        let mut counts = [0u32; 31];
        for _ in 0..2000 {
            let c = join_code();
            assert_eq!(c.len(), CODE_LEN);
            for ch in c.chars() {
                counts[CODE_ALPHABET.find(ch).unwrap()] += 1;
            }
        }
        // 12 000 draws over 31 characters: about 387 each; a biased draw would show.
        assert!(
            counts.iter().all(|&n| (300..480).contains(&n)),
            "{counts:?}"
        );
    }
}
