//! The generator of fuzzing cases: structure-aware mutations of valid scenarios (the presets and
//! edited variants of them), then text-level damage, percent-encoding faults for links, and odd
//! contents for local storage. Case `i` depends only on the campaign seed and `i`, so a failure
//! is reproduced by its number.

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

use relsim::sim::{link, presets, Kind as IncidentKind, MAX_EVENTS};

use super::check::Kind;

/// What every case starts from.
pub struct Seeds {
    scenarios: Vec<Value>,
    /// Every enum identifier the format knows (kinds, roles, parties…), for swapping.
    ids: Vec<String>,
    /// Every field name the format knows, for misplaced fields.
    keys: Vec<String>,
}

fn collect(v: &Value, ids: &mut Vec<String>, keys: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                keys.push(k.clone());
                if !matches!(k.as_str(), "name" | "description" | "note") {
                    collect(x, ids, keys);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect(x, ids, keys)),
        Value::String(s) => ids.push(s.clone()),
        _ => {}
    }
}

impl Seeds {
    /// The presets, each also with one of every intervention kind, an opt-out and a short run.
    pub fn new() -> Self {
        let mut scenarios: Vec<Value> = presets::ALL
            .iter()
            .map(|p| serde_json::from_str(p.json).expect("presets are JSON"))
            .collect();
        let extras = json!([
            {"kind": "trust_repair", "week": 5, "by": "client", "apologise": true, "sincere": false,
             "explain": true, "honest": false, "correct": true, "compensation": 12.5, "silence": false,
             "patience_weeks": 8, "mediator": true},
            {"kind": "renegotiate", "week": 9, "obligation": "result", "kpi_level": "business",
             "fee_per_week": 30, "incentive_share": 0.5, "sla_target": 0.99, "extra_work_markup": 0},
            {"kind": "realign", "week": 3},
            {"kind": "change_role", "week": 4, "role": "nanny"},
            {"kind": "exit", "week": 20}
        ]);
        for base in scenarios.clone() {
            let mut v = base;
            v["weeks"] = json!(40);
            v["contract"]["term_weeks"] = json!(26);
            v["contract"]["opt_out_week"] = json!(10);
            v["contract"]["obligation"] = json!("result");
            v["interventions"] = extras.clone();
            if let Some(incidents) = v["incidents"].as_array_mut() {
                incidents.retain(|i| i["week"].as_u64().is_some_and(|w| w < 40));
            }
            scenarios.push(v);
        }
        scenarios.push(json!({}));
        let mut ids: Vec<String> = IncidentKind::ALL.iter().map(|k| k.id().into()).collect();
        let mut keys = Vec::new();
        for s in &scenarios {
            collect(s, &mut ids, &mut keys);
        }
        ids.sort();
        ids.dedup();
        keys.sort();
        keys.dedup();
        Self {
            scenarios,
            ids,
            keys,
        }
    }
}

/// One case's generator.
pub struct Gen<'a> {
    rng: ChaCha8Rng,
    seeds: &'a Seeds,
}

/// Numbers at and beyond the edges of the format's ranges and types.
const NUMBERS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    0.99,
    0.999_999,
    1.000_001,
    2.0,
    25.0,
    26.0,
    51.0,
    52.0,
    519.0,
    520.0,
    521.0,
    1e4,
    1e6,
    1e7,
    1.000_000_1e7,
    1e9,
    4_294_967_295.0,
    4_294_967_296.0,
    9_007_199_254_740_993.0,
    1.8e19,
    1e300,
    1.7e308,
    -1.7e308,
    1e-300,
    5e-324,
    -5e-324,
];

/// Texts that look like numbers, or are awkward strings.
const TEXTS: &[&str] = &[
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "inf",
    "1e999",
    "-0",
    "0x10",
    "",
    " ",
    "null",
    "true",
    "1,5",
    "٣",
    "\u{0}",
    "\u{202e}rtl",
    "😀",
    "a\"b",
    "\\",
    "\n",
];

/// Percent-encoding faults a link may carry.
const ESCAPES: &[&str] = &[
    "%",
    "%G",
    "%G1",
    "%1",
    "%zz",
    "%FF",
    "%C3",
    "%E2%82",
    "%C0%AF",
    "%ED%A0%80",
    "%F4%90%80%80",
    "%00",
    "%25",
    "%%",
    "+",
    "%2",
    "#",
    "%7B",
    "%22",
    "é",
    " ",
    "%0A",
    "%5C",
    "%u0041",
];

impl<'a> Gen<'a> {
    /// The generator of case `index` in the campaign with seed `seed`.
    pub fn new(seeds: &'a Seeds, seed: u64, index: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(index);
        Self { rng, seeds }
    }

    /// The case: its kind and its text.
    pub fn case(&mut self) -> (Kind, String) {
        match self.rng.random_range(0..10) {
            0..=4 => (Kind::Json, self.json_text()),
            5..=7 => (Kind::Fragment, self.fragment()),
            _ => (Kind::Storage, self.storage()),
        }
    }

    fn pick<'s, T>(&mut self, items: &'s [T]) -> &'s T {
        items.choose(&mut self.rng).expect("non-empty")
    }

    /// A scenario document: valid (a seed as it is) or mutated in one to four places.
    fn document(&mut self) -> Value {
        let mut v = self.pick(&self.seeds.scenarios).clone();
        if self.rng.random_bool(0.15) {
            return v;
        }
        for _ in 0..self.rng.random_range(1..=4) {
            self.mutate(&mut v);
        }
        v
    }

    /// Every JSON pointer in `v`.
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    Self::pointers(x, format!("{at}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    Self::pointers(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    fn odd_value(&mut self, old: &Value) -> Value {
        match self.rng.random_range(0..10) {
            0..=3 => {
                let x = *self.pick(NUMBERS);
                json!(if self.rng.random_bool(0.5) { x } else { -x })
            }
            4 => match old.as_f64() {
                Some(x) => json!(x * self.rng.random_range(-3.0..3.0)),
                None => json!(self.rng.random::<u64>()),
            },
            5 => json!(*self.pick(TEXTS)),
            6 => json!(self.pick(&self.seeds.ids).clone()),
            7 => [json!(null), json!(true), json!([]), json!({})][self.rng.random_range(0..4)]
                .clone(),
            8 => json!(self.rng.random_range(0..=600u32)),
            _ => json!("x".repeat(self.rng.random_range(0..5000))),
        }
    }

    fn mutate(&mut self, v: &mut Value) {
        let mut ptrs = Vec::new();
        Self::pointers(v, String::new(), &mut ptrs);
        let at = self.pick(&ptrs).clone();
        match self.rng.random_range(0..12) {
            0..=4 => {
                let Some(slot) = v.pointer_mut(&at) else {
                    return;
                };
                *slot = self.odd_value(slot);
            }
            5 => {
                if let Some(Value::Object(m)) = v.pointer_mut(&at) {
                    let keys: Vec<String> = m.keys().cloned().collect();
                    if let Some(k) = keys.choose(&mut self.rng) {
                        m.remove(k);
                    }
                }
            }
            6 => {
                let key = if self.rng.random_bool(0.7) {
                    self.pick(&self.seeds.keys).clone()
                } else {
                    format!("extra_{}", self.rng.random::<u16>())
                };
                let value = self.odd_value(&Value::Null);
                if let Some(Value::Object(m)) = v.pointer_mut(&at) {
                    m.insert(key, value);
                }
            }
            7 => {
                let depth = self.rng.random_range(1..400);
                let Some(slot) = v.pointer_mut(&at) else {
                    return;
                };
                let mut nested = slot.take();
                for d in 0..depth {
                    nested = if d % 2 == 0 {
                        json!([nested])
                    } else {
                        json!({ "a": nested })
                    };
                }
                *slot = nested;
            }
            8 => self.long_list(v),
            9 => {
                // A valid week length, so that week fields are checked against it.
                let weeks = json!(self.rng.random_range(1..=520u32));
                if let Some(m) = v.as_object_mut() {
                    m.insert("weeks".into(), weeks);
                }
            }
            10 => {
                // A seed anywhere in the 64-bit range.
                let seed = json!(self.rng.random::<u64>());
                if let Some(m) = v.as_object_mut() {
                    m.insert("seed".into(), seed);
                }
            }
            _ => {
                let Some(slot) = v.pointer_mut(&at) else {
                    return;
                };
                if slot.is_string() {
                    *slot = json!(self.pick(&self.seeds.ids).clone());
                } else {
                    *slot = self.odd_value(slot);
                }
            }
        }
    }

    /// Incidents or interventions near the limit on their number.
    fn long_list(&mut self, v: &mut Value) {
        let Value::Object(m) = v else { return };
        let key = *self.pick(&["incidents", "interventions"]);
        let weeks = m.get("weeks").and_then(Value::as_u64).unwrap_or(260).max(1);
        let some = self.rng.random_range(0..MAX_EVENTS);
        let n = *self.pick(&[MAX_EVENTS - 1, MAX_EVENTS, MAX_EVENTS + 1, some]);
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            let week = self.rng.random_range(0..weeks);
            let kind = *self.pick(IncidentKind::ALL);
            items.push(if key == "incidents" {
                json!({"week": week, "category": kind.category().id(), "kind": kind.id(),
                       "polarity": *self.pick(&["negative", "positive"]),
                       "magnitude": self.rng.random::<f64>(),
                       "party": *self.pick(&["client", "supplier"])})
            } else {
                match self.rng.random_range(0..4) {
                    0 => json!({"kind": "realign", "week": week}),
                    1 => json!({"kind": "trust_repair", "week": week, "compensation": self.rng.random_range(0.0..1e7)}),
                    2 => json!({"kind": "change_role", "week": week, "role": *self.pick(&["butler", "nanny", "none"])}),
                    _ => json!({"kind": "renegotiate", "week": week, "fee_per_week": self.rng.random_range(0.1..10000.0)}),
                }
            });
        }
        m.insert(key.into(), Value::Array(items));
        if self.rng.random_bool(0.5) {
            m.insert("interventions".into(), json!([]));
            m.insert("incidents".into(), m[key].clone());
        }
    }

    /// Damages text: a cut, random bytes, a swapped token, a duplicated key.
    fn damage(&mut self, text: &mut String) {
        let pos = |rng: &mut ChaCha8Rng, t: &str| {
            let mut p = rng.random_range(0..=t.len());
            while !t.is_char_boundary(p) {
                p -= 1;
            }
            p
        };
        match self.rng.random_range(0..6) {
            0 => {
                let p = pos(&mut self.rng, text);
                text.truncate(p);
            }
            1 => {
                let bytes: Vec<u8> = (0..self.rng.random_range(1..16))
                    .map(|_| self.rng.random())
                    .collect();
                let p = pos(&mut self.rng, text);
                text.insert_str(p, &String::from_utf8_lossy(&bytes));
            }
            2 => {
                let p = pos(&mut self.rng, text);
                let token = *self.pick(&[
                    "NaN", "Infinity", "-inf", "1e999", "-0", "00", "1.", ".5", "+1", "]", "}",
                    ",", ":", "\"", "\\u", "\\uD800",
                ]);
                text.insert_str(p, token);
            }
            3 => {
                if let Some(p) = text.find('{') {
                    text.insert_str(p + 1, "\"weeks\": 5, \"weeks\": 6,");
                }
            }
            4 => {
                let depth = self.rng.random_range(100..20_000);
                *text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            }
            _ => {
                let p = pos(&mut self.rng, text);
                let q = pos(&mut self.rng, text).max(p);
                text.replace_range(p..q, "");
            }
        }
    }

    fn json_text(&mut self) -> String {
        if self.rng.random_bool(0.03) {
            let bytes: Vec<u8> = (0..self.rng.random_range(0..200))
                .map(|_| self.rng.random())
                .collect();
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        let doc = self.document();
        let mut text = if self.rng.random_bool(0.5) {
            serde_json::to_string(&doc)
        } else {
            serde_json::to_string_pretty(&doc)
        }
        .expect("a Value serialises");
        if self.rng.random_bool(0.15) {
            self.damage(&mut text);
        }
        text
    }

    fn fragment(&mut self) -> String {
        let json = match self.rng.random_range(0..10) {
            0 => self.pick(TEXTS).to_string(),
            1..=5 => serde_json::to_string(&self.document()).expect("a Value serialises"),
            _ => self.json_text(),
        };
        let mut encoded = link::percent_encode(&json);
        if self.rng.random_bool(0.1) {
            // Lower-case hex, as some tools write it: still valid.
            encoded = encoded.to_lowercase();
        }
        // Half the links are as the app writes them; the others carry one or two faults.
        let faults = if self.rng.random_bool(0.5) {
            0
        } else {
            self.rng.random_range(1..=2)
        };
        for _ in 0..faults {
            match self.rng.random_range(0..3) {
                0 => {
                    let p = self.rng.random_range(0..=encoded.len());
                    if encoded.is_char_boundary(p) {
                        encoded.truncate(p);
                    }
                }
                _ => {
                    let p = self.rng.random_range(0..=encoded.len());
                    if encoded.is_char_boundary(p) {
                        let fault = *self.pick(ESCAPES);
                        encoded.insert_str(p, fault);
                    }
                }
            }
        }
        let prefix = if self.rng.random_bool(0.85) {
            "#s="
        } else {
            *self.pick(&["s=", "#", "", "#S=", "#s==", "#x=1&s="])
        };
        format!("{prefix}{encoded}")
    }

    fn storage(&mut self) -> String {
        match self.rng.random_range(0..10) {
            0 => self
                .pick(&[
                    "",
                    "null",
                    "undefined",
                    "[object Object]",
                    "{}",
                    "[]",
                    "\"\"",
                    "0",
                    "{\"schema_version\": 99}",
                ])
                .to_string(),
            1 => {
                let doc = self.document();
                link::percent_encode(&serde_json::to_string(&doc).expect("a Value serialises"))
            }
            _ => self.json_text(),
        }
    }
}
