//! The live board as the trainer's page keeps it: the whole board, changed event by event,
//! and its rows in the order shown (results first, best score first).

use super::api::{Board, Event, PairRow, ParticipantState, Row};
use crate::sim::exercise::Side;

/// What the pairs are ranked by: the pair's joint value, or one side's own score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PairRank {
    /// Client net value + supplier margin: which pairs found a win-win.
    #[default]
    Joint,
    /// The client's own score.
    Client,
    /// The supplier's own score.
    Supplier,
}

impl PairRank {
    /// Every key, in the order of the table's columns.
    pub const ALL: [PairRank; 3] = [PairRank::Client, PairRank::Supplier, PairRank::Joint];

    /// The id in the page (`data-by`).
    pub fn id(self) -> &'static str {
        match self {
            PairRank::Joint => "joint",
            PairRank::Client => "client",
            PairRank::Supplier => "supplier",
        }
    }

    /// A finished pair's value by this key.
    pub fn value(self, p: &PairRow) -> Option<f64> {
        match self {
            PairRank::Joint => p.joint_value,
            PairRank::Client => p.client_score,
            PairRank::Supplier => p.supplier_score,
        }
    }
}

impl Board {
    /// Applies a change from the stream; `false` when the class was deleted.
    pub fn apply(&mut self, event: Event) -> bool {
        match event {
            Event::Board(b) => *self = *b,
            Event::Row(row) => match self.rows.iter_mut().find(|r| r.id == row.id) {
                Some(r) => *r = row,
                None => self.rows.push(row),
            },
            Event::Closed => self.class.closed = true,
            Event::Pair(pair) => match self.pairs.iter_mut().find(|p| p.id == pair.id) {
                Some(p) => *p = pair,
                None => self.pairs.push(pair),
            },
            Event::PairSplit { id } => self.pairs.retain(|p| p.id != id),
            Event::Deleted => return false,
        }
        true
    }

    /// The rows as shown: those done by score (best first; in pairs each side apart, the
    /// client's first, as their scores are in different terms), then those playing by week
    /// (the furthest first), then those who only joined; ties in order of joining.
    pub fn ranked(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        let stage = |r: &Row| match r.state {
            ParticipantState::Done => 0,
            ParticipantState::Playing => 1,
            ParticipantState::Joined => 2,
        };
        let side = |r: &Row| match r.side {
            None => 0,
            Some(Side::Client) => 1,
            Some(Side::Supplier) => 2,
        };
        rows.sort_by(|a, b| {
            stage(a)
                .cmp(&stage(b))
                .then_with(|| side(a).cmp(&side(b)))
                .then_with(|| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)))
                .then_with(|| b.week.cmp(&a.week))
                .then_with(|| a.id.cmp(&b.id))
        });
        rows
    }

    /// The place of each done row among the done rows of its side (1 = best), in the order of
    /// [`Board::ranked`]; `None` for a row not done.
    pub fn places(&self) -> Vec<(&Row, Option<usize>)> {
        let mut seen: Vec<(Option<Side>, usize)> = Vec::new();
        self.ranked()
            .into_iter()
            .map(|r| {
                if r.state != ParticipantState::Done {
                    return (r, None);
                }
                let place = match seen.iter_mut().find(|(s, _)| *s == r.side) {
                    Some((_, n)) => {
                        *n += 1;
                        *n
                    }
                    None => {
                        seen.push((r.side, 1));
                        1
                    }
                };
                (r, Some(place))
            })
            .collect()
    }

    /// The participants in a class both sides play who wait to be paired.
    pub fn unpaired(&self) -> Vec<&Row> {
        let seated = |id: u64| {
            self.pairs
                .iter()
                .any(|p| p.client_id == Some(id) || p.supplier_id == Some(id))
        };
        self.rows.iter().filter(|r| !seated(r.id)).collect()
    }

    /// The pairs as shown: finished ones by `by` (best first), then those playing by week,
    /// then those waiting for a partner; ties in order of forming.
    pub fn ranked_pairs(&self, by: PairRank) -> Vec<&PairRow> {
        let mut pairs: Vec<&PairRow> = self.pairs.iter().collect();
        let stage = |p: &PairRow| {
            if p.finished {
                0
            } else if (p.client.is_empty() || p.supplier.is_empty()) && !p.scripted {
                2
            } else {
                1
            }
        };
        pairs.sort_by(|a, b| {
            stage(a)
                .cmp(&stage(b))
                .then_with(|| {
                    by.value(b)
                        .unwrap_or(0.0)
                        .total_cmp(&by.value(a).unwrap_or(0.0))
                })
                .then_with(|| b.week.cmp(&a.week))
                .then_with(|| a.id.cmp(&b.id))
        });
        pairs
    }

    /// (participants, those done, mean verified score of those done on `side` — none while
    /// nobody there is done). `side` is `None` for a class one side plays; in pairs each side
    /// has its own mean, as scores of different sides are in different terms.
    pub fn tally(&self, side: Option<Side>) -> (usize, usize, Option<f64>) {
        let scores: Vec<f64> = self
            .rows
            .iter()
            .filter(|r| r.side == side)
            .filter_map(|r| r.score)
            .collect();
        let mean = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
        let done = self
            .rows
            .iter()
            .filter(|r| r.state == ParticipantState::Done)
            .count();
        (self.rows.len(), done, mean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::live::ClassInfo;

    fn row(id: u64, state: ParticipantState, week: u32, score: Option<f64>) -> Row {
        Row {
            id,
            name: format!("P{id}"),
            state,
            week,
            moment: 0,
            score,
            decisions: Vec::new(),
            side: None,
        }
    }

    fn board() -> Board {
        Board {
            class: ClassInfo {
                id: "c".into(),
                code: "ABCDEF".into(),
                join_url: String::new(),
                qr_svg: String::new(),
                title: Default::default(),
                exercise: Default::default(),
                closed: false,
                expires_at: 0,
                pairing: Default::default(),
            },
            rows: Vec::new(),
            pairs: Vec::new(),
        }
    }

    #[test]
    fn events_change_the_board_and_rows_rank_by_result_then_progress() {
        let mut b = board();
        use ParticipantState::*;
        for r in [
            row(1, Joined, 0, None),
            row(2, Playing, 13, None),
            row(3, Playing, 26, None),
        ] {
            assert!(b.apply(Event::Row(r)));
        }
        b.apply(Event::Row(row(1, Done, 260, Some(40.0))));
        b.apply(Event::Row(row(4, Done, 260, Some(55.0))));
        let order: Vec<u64> = b.ranked().iter().map(|r| r.id).collect();
        assert_eq!(order, [4, 1, 3, 2]);
        assert_eq!(b.rows.len(), 4, "a changed row is replaced, not added");
        assert_eq!(b.tally(None), (4, 2, Some(47.5)));
        let pair = |id, supplier: &str, finished, joint: Option<f64>| crate::live::PairRow {
            id,
            client: "C".into(),
            supplier: supplier.into(),
            client_id: None,
            supplier_id: None,
            started: true,
            moment: 0,
            week: 13,
            finished,
            // The sides' scores rank the other way round from the joint value.
            client_score: joint.map(|j| -j),
            supplier_score: joint.map(|j| 1000.0 - j),
            joint_value: joint,
            scripted: false,
        };
        b.apply(Event::Pair(pair(1, "", false, None)));
        b.apply(Event::Pair(pair(2, "S", true, Some(-50.0))));
        b.apply(Event::Pair(pair(3, "S", true, Some(400.0))));
        b.apply(Event::Pair(pair(4, "S", false, None)));
        b.apply(Event::Pair(pair(1, "S2", false, None)));
        let order =
            |b: &Board, by| -> Vec<u64> { b.ranked_pairs(by).iter().map(|p| p.id).collect() };
        assert_eq!(
            order(&b, PairRank::Joint),
            [3, 2, 1, 4],
            "finished by joint value, then playing"
        );
        assert_eq!(
            order(&b, PairRank::Client),
            [2, 3, 1, 4],
            "by the client's own score"
        );
        assert_eq!(
            order(&b, PairRank::Supplier),
            [2, 3, 1, 4],
            "by the supplier's own score"
        );
        b.apply(Event::PairSplit { id: 4 });
        assert_eq!(
            order(&b, PairRank::Joint),
            [3, 2, 1],
            "a split pair leaves the board"
        );
        b.apply(Event::Closed);
        assert!(b.class.closed);
        assert!(!b.apply(Event::Deleted));
    }

    #[test]
    fn pair_members_rank_and_average_within_their_side() {
        let mut b = board();
        let member = |id, side, score: Option<f64>| Row {
            side,
            ..row(
                id,
                if score.is_some() {
                    ParticipantState::Done
                } else {
                    ParticipantState::Playing
                },
                260,
                score,
            )
        };
        for r in [
            member(1, Some(Side::Client), Some(10.0)),
            member(2, Some(Side::Supplier), Some(90.0)),
            member(3, Some(Side::Client), Some(30.0)),
            member(4, Some(Side::Supplier), Some(50.0)),
            member(5, None, None),
        ] {
            b.apply(Event::Row(r));
        }
        let places: Vec<(u64, Option<usize>)> =
            b.places().iter().map(|(r, p)| (r.id, *p)).collect();
        assert_eq!(
            places,
            [
                (3, Some(1)),
                (1, Some(2)),
                (2, Some(1)),
                (4, Some(2)),
                (5, None)
            ],
            "clients first, each side ranked on its own"
        );
        assert_eq!(b.tally(Some(Side::Client)), (5, 4, Some(20.0)));
        assert_eq!(b.tally(Some(Side::Supplier)), (5, 4, Some(70.0)));
        b.pairs.push(crate::live::PairRow {
            id: 1,
            client: "P1".into(),
            supplier: "P2".into(),
            client_id: Some(1),
            supplier_id: Some(2),
            started: true,
            moment: 3,
            week: 260,
            finished: true,
            client_score: Some(10.0),
            supplier_score: Some(90.0),
            joint_value: Some(100.0),
            scripted: false,
        });
        let waiting: Vec<u64> = b.unpaired().iter().map(|r| r.id).collect();
        assert_eq!(waiting, [3, 4, 5]);
        assert!(!b.apply(Event::Deleted));
    }
}
