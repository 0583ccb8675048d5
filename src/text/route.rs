//! Where the user is, as the address says it: the page and the simulator's result tab in the
//! query (`?page=simulate&tab=compare`), so that Back and Forward move between views and a link
//! opens the view it was copied from. The scenario stays in the fragment (`#s=…`).
//!
//! Pure string work, tested natively; the app reads and writes the browser's address with it.

/// Which page is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The simulator.
    Simulate,
    /// The model explained.
    Model,
    /// The guided tour.
    Tour,
    /// Training exercises and the class board.
    Exercise,
}

/// The simulator's result views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// One run.
    Run,
    /// Many runs of the current scenario.
    Ensemble,
    /// Scenario A against B.
    Compare,
    /// A sweep of one input and the deal map.
    Negotiate,
    /// What moved the line in a window.
    Why,
}

impl Page {
    /// Every page, in the header's order.
    pub const ALL: [Page; 4] = [Page::Simulate, Page::Model, Page::Tour, Page::Exercise];

    /// The page's name in the address.
    pub fn id(self) -> &'static str {
        match self {
            Page::Simulate => "simulate",
            Page::Model => "model",
            Page::Tour => "tour",
            Page::Exercise => "exercise",
        }
    }
}

impl Tab {
    /// Every tab, in the order shown.
    pub const ALL: [Tab; 5] = [
        Tab::Run,
        Tab::Ensemble,
        Tab::Compare,
        Tab::Negotiate,
        Tab::Why,
    ];

    /// The tab's name in the address (and in its `data-testid`, `tab-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Tab::Run => "run",
            Tab::Ensemble => "ensemble",
            Tab::Compare => "compare",
            Tab::Negotiate => "negotiate",
            Tab::Why => "why",
        }
    }
}

/// A page and a tab: what the address names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// The page.
    pub page: Page,
    /// The simulator's tab (kept while another page is shown).
    pub tab: Tab,
}

impl Default for Route {
    fn default() -> Self {
        Route {
            page: Page::Simulate,
            tab: Tab::Run,
        }
    }
}

/// The query's `key=value` pairs (`?` and fragment excluded by the caller), in order.
fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| kv.split_once('=').unwrap_or((kv, "")))
}

/// The keys this module writes.
const KEYS: [&str; 3] = ["page", "tab", "tour"];

impl Route {
    /// The route a query names; unknown names fall back to the simulator's one-run view, and the
    /// old `?tour` still opens the tour.
    pub fn from_query(query: &str) -> Route {
        let mut route = Route::default();
        for (k, v) in pairs(query) {
            match k {
                "page" => {
                    if let Some(p) = Page::ALL.into_iter().find(|p| p.id() == v) {
                        route.page = p;
                    }
                }
                "tab" => {
                    if let Some(t) = Tab::ALL.into_iter().find(|t| t.id() == v) {
                        route.tab = t;
                    }
                }
                "tour" => route.page = Page::Tour,
                _ => {}
            }
        }
        route
    }

    /// `query` with this route written into it: other pairs kept in their order, the route's
    /// own pairs left out where they say the default. Returns the query with its `?`, or an
    /// empty string.
    pub fn into_query(self, query: &str) -> String {
        let mut kept: Vec<String> = pairs(query)
            .filter(|(k, _)| !KEYS.contains(k))
            .map(|(k, v)| {
                if v.is_empty() {
                    k.to_string()
                } else {
                    format!("{k}={v}")
                }
            })
            .collect();
        if self.page != Page::Simulate {
            kept.push(format!("page={}", self.page.id()));
        }
        if self.tab != Tab::Run {
            kept.push(format!("tab={}", self.tab.id()));
        }
        if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", kept.join("&"))
        }
    }

    /// The route a shared link keeps: the tour is left for the simulator (a scenario taken
    /// from the tour reopens in the simulator, not at step 1).
    pub fn for_link(self) -> Route {
        match self.page {
            Page::Tour => Route {
                page: Page::Simulate,
                ..self
            },
            _ => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_query() {
        for page in Page::ALL {
            for tab in Tab::ALL {
                let r = Route { page, tab };
                assert_eq!(Route::from_query(&r.into_query("")), r, "{r:?}");
                assert_eq!(Route::from_query(&r.into_query("?embed=all&x=1")), r);
            }
        }
    }

    #[test]
    fn the_query_keeps_other_pairs_and_drops_defaults() {
        let r = Route {
            page: Page::Simulate,
            tab: Tab::Compare,
        };
        assert_eq!(
            r.into_query("?lang=nl&tab=why&page=model"),
            "?lang=nl&tab=compare"
        );
        assert_eq!(Route::default().into_query("?tour&page=model"), "");
        assert_eq!(Route::default().into_query("?flag"), "?flag");
    }

    #[test]
    fn unknown_names_and_the_old_tour_flag() {
        assert_eq!(Route::from_query("?page=nowhere&tab=42"), Route::default());
        assert_eq!(Route::from_query("?tour").page, Page::Tour);
        assert_eq!(Route::from_query("tour=1&tab=why").tab, Tab::Why);
        let tour = Route::from_query("?page=tour&tab=ensemble");
        assert_eq!(tour.for_link(), Route::from_query("?tab=ensemble"));
    }
}
