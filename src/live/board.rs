//! The live board as the trainer's page keeps it: the whole board, changed event by event,
//! and its rows in the order shown (results first, best score first).

use super::api::{Board, Event, ParticipantState, Row};

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
            Event::Deleted => return false,
        }
        true
    }

    /// The rows as shown: those done by score (best first), then those playing by week (the
    /// furthest first), then those who only joined; ties in order of joining.
    pub fn ranked(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        let stage = |r: &Row| match r.state {
            ParticipantState::Done => 0,
            ParticipantState::Playing => 1,
            ParticipantState::Joined => 2,
        };
        rows.sort_by(|a, b| {
            stage(a)
                .cmp(&stage(b))
                .then_with(|| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)))
                .then_with(|| b.week.cmp(&a.week))
                .then_with(|| a.id.cmp(&b.id))
        });
        rows
    }

    /// The pairs as shown: finished ones by joint value (best first), then those playing by
    /// week, then those waiting for a partner; ties in order of forming.
    pub fn ranked_pairs(&self) -> Vec<&super::PairRow> {
        let mut pairs: Vec<&super::PairRow> = self.pairs.iter().collect();
        let stage = |p: &super::PairRow| {
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
                    b.joint_value
                        .unwrap_or(0.0)
                        .total_cmp(&a.joint_value.unwrap_or(0.0))
                })
                .then_with(|| b.week.cmp(&a.week))
                .then_with(|| a.id.cmp(&b.id))
        });
        pairs
    }

    /// (participants, done, mean verified score of those done).
    pub fn tally(&self) -> (usize, usize, f64) {
        let scores: Vec<f64> = self.rows.iter().filter_map(|r| r.score).collect();
        let mean = if scores.is_empty() {
            0.0
        } else {
            scores.iter().sum::<f64>() / scores.len() as f64
        };
        (self.rows.len(), scores.len(), mean)
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
        assert_eq!(b.tally(), (4, 2, 47.5));
        let pair = |id, supplier: &str, finished, joint| crate::live::PairRow {
            id,
            client: "C".into(),
            supplier: supplier.into(),
            moment: 0,
            week: 13,
            finished,
            client_score: None,
            supplier_score: None,
            joint_value: joint,
            scripted: false,
        };
        b.apply(Event::Pair(pair(1, "", false, None)));
        b.apply(Event::Pair(pair(2, "S", true, Some(-50.0))));
        b.apply(Event::Pair(pair(3, "S", true, Some(400.0))));
        b.apply(Event::Pair(pair(4, "S", false, None)));
        b.apply(Event::Pair(pair(1, "S2", false, None)));
        let order: Vec<u64> = b.ranked_pairs().iter().map(|p| p.id).collect();
        assert_eq!(order, [3, 2, 1, 4], "finished by joint value, then playing");
        b.apply(Event::Closed);
        assert!(b.class.closed);
        assert!(!b.apply(Event::Deleted));
    }
}
