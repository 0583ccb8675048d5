//! How incidents land: on alignment (external), on experienced appreciation and trust
//! (interpersonal), on business pressure (business); and how random incidents are drawn.

use rand::Rng;

use super::economics::trust_level;
use super::engine::Sim;
use super::incident::{Category, Incident, Kind, Party, Polarity};
use super::record::Event;

impl Sim<'_> {
    /// Lands one incident on the state and records it.
    pub(crate) fn apply_incident(&mut self, incident: &Incident, random: bool) {
        let p = self.params();
        let (service, business_or, _) = self.state.role.orientation(p);
        let before = self.state.appreciations();
        let pressure_before = self.state.pressure;
        let st = &mut self.state;
        let party = incident.party;
        let m = incident.magnitude;
        let negative = incident.polarity == Polarity::Negative;
        // Trust buffers negative shocks.
        let landed = if negative {
            m * (1.0 - p.trust_buffer * st.trust.get(party))
        } else {
            m
        };
        if negative && m >= p.crisis_magnitude {
            st.crisis += 1;
        }
        match incident.category {
            Category::External => {
                // Each kind through its own channel: market prices move the market fee;
                // a budget cut, new management or a reorganisation move the client's budget
                // pressure and, like a changing market or technology, the goals (alignment).
                let sign = if negative { -1.0 } else { 1.0 };
                match incident.kind {
                    Kind::MarketPricesChange => {
                        if party == Party::Client {
                            st.market_fee *= (1.0 + sign * p.market_shock * m).max(0.1);
                        }
                    }
                    _ => {
                        if negative {
                            let hit = landed * (1.0 - p.business_damping * business_or);
                            st.alignment -= p.alignment_shock * hit * st.alignment;
                        } else {
                            st.alignment += p.alignment_shock * m * (1.0 - st.alignment);
                        }
                        if party == Party::Client
                            && matches!(
                                incident.kind,
                                Kind::BudgetCut | Kind::NewManagement | Kind::Reorganisation
                            )
                        {
                            st.budget_pressure =
                                (st.budget_pressure - sign * p.budget_shock * m).clamp(0.0, 1.0);
                        }
                    }
                }
            }
            Category::Interpersonal => {
                let ceiling = st.ceiling.get(party);
                if negative {
                    let hit = landed * (1.0 - p.service_damping * service);
                    *st.experienced.get_mut(party) -= p.shock * hit;
                    // Wounds between people cost the work too, until they are smoothed over.
                    st.friction += p.friction * hit;
                    let trust = st.trust.get_mut(party);
                    // Service orientation softens how a wound is felt, not the lesson drawn from
                    // it: trust loses the same with any role (trust leaves on horseback).
                    *trust -= p.trust_loss * m * trust_level(*trust);
                    if m > p.scar_threshold {
                        let c = st.ceiling.get_mut(party);
                        *c = (*c - p.scar * (m - p.scar_threshold)).max(0.0);
                    }
                    // A new wound ends patience; the past raised again only costs trust.
                    if !self.raising_past {
                        st.end_patience(party_index(party));
                    }
                } else {
                    *st.experienced.get_mut(party) += p.positive_shock * p.shock * m;
                    let trust = st.trust.get_mut(party);
                    // Same level factor as a loss; the ceiling caps the result.
                    *trust =
                        (*trust + p.trust_gain * m * trust_level(*trust)).min(ceiling.max(*trust));
                }
            }
            Category::Business => {
                if negative {
                    // Late payments and disputed invoices also cost trust, less than wounds.
                    let trust = st.trust.get_mut(party);
                    *trust -= p.business_trust_loss * p.trust_loss * m * trust_level(*trust);
                }
                *st.pressure.get_mut(party) += if negative {
                    p.pressure * landed
                } else {
                    -p.pressure * m
                };
                if negative
                    && party == Party::Client
                    && matches!(
                        incident.kind,
                        Kind::LowerSwitchingCosts | Kind::MoreAttractiveOffer
                    )
                {
                    st.client_switching = (st.client_switching - p.switching_shock * m).max(0.0);
                }
            }
        }
        for v in [
            &mut st.experienced.client,
            &mut st.experienced.supplier,
            &mut st.alignment,
        ] {
            *v = v.clamp(0.0, 1.0);
        }
        st.trust.client = st.trust.client.clamp(0.0, st.ceiling.client);
        st.trust.supplier = st.trust.supplier.clamp(0.0, st.ceiling.supplier);
        if let Some(why) = &mut self.why {
            let after = self.state.appreciations();
            let added = self.state.pressure.get(party) - pressure_before.get(party);
            let cause = super::trace::Cause::Incident {
                week: self.week,
                incident: incident.clone(),
                random,
            };
            why.jump(
                cause,
                before,
                after,
                super::trace::party_pressure(party, added),
            );
        }
        self.events.push(Event::Incident {
            incident: incident.clone(),
            random,
        });
    }

    /// Draws this week's random incidents: independent Poisson counts per category, drawn as
    /// one Poisson count at the total rate whose incidents each fall in a category with
    /// probability proportional to its rate (the same distribution; most weeks it costs one
    /// uniform number).
    #[inline]
    pub(crate) fn draw_random_incidents(&mut self) {
        // The count's first uniform number (as in `IncidentRate::count`): a quiet week ends here.
        let Some(none) = self.incidents_per_week.as_ref().map(|r| r.none) else {
            return;
        };
        let u: f64 = self.rng().random();
        if u < none {
            return;
        }
        self.land_random_incidents();
    }

    /// The rest of [`Sim::draw_random_incidents`] in a week with incidents (about one week in
    /// seven at the usual rates): kept out of line, so that the quiet week costs a comparison.
    #[cold]
    #[inline(never)]
    fn land_random_incidents(&mut self) {
        let Some(rate) = self.incidents_per_week else {
            return;
        };
        let n = rate.positive_count(self.rng());
        for _ in 0..n {
            let category = super::sample::incident_category(&rate.shares, self.rng());
            let incident = self.random_incident(category);
            self.apply_incident(&incident, true);
        }
    }

    fn random_incident(&mut self, category: Category) -> Incident {
        let negative_p = self.negative_probability(category);
        let p = self.params();
        let (lo, hi) = (p.random_magnitude_min, p.random_magnitude_max);
        let rng = self.rng();
        let polarity = if rng.random::<f64>() < negative_p {
            Polarity::Negative
        } else {
            Polarity::Positive
        };
        let kinds = Kind::ALL.iter().copied().filter(|k| {
            k.category() == category && k.usual_polarity().is_none_or(|u| u == polarity)
        });
        let count = kinds.clone().count();
        let kind = kinds
            .clone()
            .nth(rng.random_range(0..count))
            .unwrap_or(Kind::MarketChange);
        let party = kind.usual_party().unwrap_or(if rng.random::<bool>() {
            Party::Client
        } else {
            Party::Supplier
        });
        let magnitude = rng.random_range(lo..hi);
        Incident {
            week: self.week,
            category,
            kind,
            polarity,
            magnitude,
            party,
            note: String::new(),
        }
    }

    /// Probability that a random incident of `category` is negative, given the state.
    fn negative_probability(&self, category: Category) -> f64 {
        let s = self.scenario();
        let p = self.params();
        match category {
            Category::External => p.external_negative,
            Category::Interpersonal => {
                p.interpersonal_negative_base
                    + p.interpersonal_negative_misfit * (1.0 - s.supplier.culture_fit)
            }
            Category::Business => {
                let c = &self.state.contract;
                let shortfall = ((c.sla_target - self.last_sla()) / 0.3).clamp(0.0, 1.0);
                (p.business_negative_base
                    + p.business_negative_shortfall * shortfall
                    + p.business_negative_misaligned * (1.0 - self.state.alignment))
                    .clamp(0.05, 0.95)
            }
        }
    }

    /// Reminders of an unsilenced conflict that fall due this week.
    pub(crate) fn raise_due_reminders(&mut self) {
        let mut i = 0;
        while i < self.reminders.len() {
            let (week, party) = self.reminders[i];
            if week == self.week {
                self.reminders.swap_remove(i);
                let reminder = Incident {
                    week,
                    category: Category::Interpersonal,
                    kind: Kind::InterpersonalConflict,
                    polarity: Polarity::Negative,
                    magnitude: self.params().reminder_magnitude,
                    party,
                    note: String::new(),
                };
                self.events.push(Event::Reminder { party });
                self.raising_past = true;
                self.apply_incident(&reminder, false);
                self.raising_past = false;
            } else {
                i += 1;
            }
        }
    }
}

/// Index of a party in per-party arrays.
pub(crate) fn party_index(party: Party) -> usize {
    match party {
        Party::Client => 0,
        Party::Supplier => 1,
    }
}
