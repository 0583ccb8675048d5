//! The interface languages and their string tables.

use serde::{Deserialize, Serialize};

use super::en::EN;
use super::nl::NL;
use super::table::Strings;

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The string table.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Nl => &NL,
        }
    }
    /// The HTML `lang` code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}
