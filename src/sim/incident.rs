//! Incidents: the triggers, positive or negative, that start every change in a relationship.

use serde::{Deserialize, Serialize};

/// The three families of incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Changes outside the relationship that move a party's goals (market, technology, budget).
    External,
    /// How people treat each other: lands on experienced appreciation and trust.
    Interpersonal,
    /// Delivery and money: lands on business appreciation through business pressure.
    Business,
}

impl Category {
    /// All categories in display order.
    pub const ALL: [Category; 3] = [
        Category::External,
        Category::Interpersonal,
        Category::Business,
    ];

    /// The identifier used in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            Category::External => "external",
            Category::Interpersonal => "interpersonal",
            Category::Business => "business",
        }
    }
}

/// Whether an incident improves or harms the relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Raises appreciation or trust.
    Positive,
    /// Lowers appreciation or trust.
    Negative,
}

impl Polarity {
    /// +1 for positive, -1 for negative.
    pub fn sign(self) -> f64 {
        match self {
            Polarity::Positive => 1.0,
            Polarity::Negative => -1.0,
        }
    }
}

/// One of the two parties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The organisation that outsourced the service (*uitbesteder*).
    Client,
    /// The service provider (*dienstverlener*).
    Supplier,
}

impl Party {
    /// The other party.
    pub fn other(self) -> Party {
        match self {
            Party::Client => Party::Supplier,
            Party::Supplier => Party::Client,
        }
    }

    /// The identifier used in scenario files.
    pub fn id(self) -> &'static str {
        match self {
            Party::Client => "client",
            Party::Supplier => "supplier",
        }
    }
}

macro_rules! kinds {
    ($( $variant:ident => $id:literal, $cat:ident, $doc:literal; )*) => {
        /// The kind of an incident; any kind may carry either polarity.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Kind {
            $( #[doc = $doc] $variant, )*
        }

        impl Kind {
            /// Every kind, grouped by category.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The identifier used in scenario files.
            pub fn id(self) -> &'static str {
                match self { $(Kind::$variant => $id,)* }
            }

            /// The category this kind belongs to.
            pub fn category(self) -> Category {
                match self { $(Kind::$variant => Category::$cat,)* }
            }
        }
    };
}

kinds! {
    MarketChange => "market_change", External, "The market the client serves changes.";
    TechnologyChange => "technology_change", External, "A new technology changes what is possible.";
    MarketPricesChange => "market_prices_change", External, "Market prices for the service change.";
    NewManagement => "new_management", External, "New management with its own agenda.";
    BudgetCut => "budget_cut", External, "The budget is cut.";
    Reorganisation => "reorganisation", External, "A reorganisation on one side.";
    PoorCooperation => "poor_cooperation", Interpersonal, "People do not work well together.";
    RequestsIgnored => "requests_ignored", Interpersonal, "Requests ignored or unfair treatment.";
    BreachOfNorms => "breach_of_norms", Interpersonal, "A breach of relational norms.";
    AbuseOfPower => "abuse_of_power", Interpersonal, "One party abuses its power.";
    InterpersonalConflict => "interpersonal_conflict", Interpersonal, "A conflict between people.";
    ChangeOfKeyContacts => "change_of_key_contacts", Interpersonal, "Key contacts change.";
    GoodCooperation => "good_cooperation", Interpersonal, "People work well together.";
    HelpBeyondContract => "help_beyond_contract", Interpersonal, "Help beyond what the contract asks.";
    NewContactClicks => "new_contact_clicks", Interpersonal, "A new contact who clicks.";
    DeliveryDelay => "delivery_delay", Business, "A delivery is late.";
    QualityShortfall => "quality_shortfall", Business, "Quality falls short.";
    LatePayment => "late_payment", Business, "The client pays late.";
    DisputedExtraWorkInvoice => "disputed_extra_work_invoice", Business, "An extra-work invoice is disputed.";
    LowerSwitchingCosts => "lower_switching_costs", Business, "Switching to another supplier becomes cheaper.";
    MoreAttractiveOffer => "more_attractive_offer", Business, "A more attractive offer appears on the market.";
    DeliveredInnovation => "delivered_innovation", Business, "The supplier delivers an innovation.";
    CostSaving => "cost_saving", Business, "A cost saving is realised.";
}

impl Kind {
    /// The kinds of one category.
    pub fn of(category: Category) -> impl Iterator<Item = Kind> {
        Kind::ALL
            .iter()
            .copied()
            .filter(move |k| k.category() == category)
    }

    /// The polarity this kind usually has when it happens by chance (`None`: either).
    pub fn usual_polarity(self) -> Option<Polarity> {
        use Kind::*;
        match self {
            GoodCooperation | HelpBeyondContract | NewContactClicks | DeliveredInnovation
            | CostSaving => Some(Polarity::Positive),
            PoorCooperation
            | RequestsIgnored
            | BreachOfNorms
            | AbuseOfPower
            | InterpersonalConflict
            | DeliveryDelay
            | QualityShortfall
            | LatePayment
            | DisputedExtraWorkInvoice
            | LowerSwitchingCosts
            | MoreAttractiveOffer => Some(Polarity::Negative),
            _ => None,
        }
    }

    /// The party a business incident of this kind lands on when it happens by chance.
    pub fn usual_party(self) -> Option<Party> {
        use Kind::*;
        match self {
            DeliveryDelay | QualityShortfall | LowerSwitchingCosts | MoreAttractiveOffer
            | DeliveredInnovation | CostSaving => Some(Party::Client),
            LatePayment | DisputedExtraWorkInvoice => Some(Party::Supplier),
            _ => None,
        }
    }
}

/// A scripted or random incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Week in which it happens (0-based).
    pub week: u32,
    /// Its category; must match the kind's category.
    pub category: Category,
    /// What happened.
    pub kind: Kind,
    /// Positive or negative.
    pub polarity: Polarity,
    /// Size, 0..=1.
    pub magnitude: f64,
    /// Whose appreciation it hits.
    pub party: Party,
    /// A free note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}
