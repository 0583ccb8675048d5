//! An ensemble as bytes, to hand a part computed in a web worker back to the page: every field,
//! little-endian, so that decoding gives back the same ensemble bit for bit and the parts merge
//! exactly as if they had been run in one place.

use super::{Ensemble, RunOutcome, BINS};
use crate::sim::record::Status;
use crate::sim::series::Series;

/// Marks the format (and its version) at the start of the bytes.
const MAGIC: &[u8; 4] = b"RSE1";

impl Ensemble {
    /// The ensemble as bytes; [`Ensemble::from_bytes`] reads them back.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(
            64 + self.hist.len() * 4 + self.run_sums.len() * 120 + self.status_counts.len() * 20,
        ));
        w.0.extend_from_slice(MAGIC);
        w.u32(self.weeks);
        w.u32(self.runs);
        for week in &self.status_counts {
            week.iter().for_each(|c| w.u32(*c));
        }
        w.u32s(&self.hist);
        self.sums.iter().for_each(|s| w.f64(*s));
        self.status_weeks.iter().for_each(|s| w.u64(*s));
        w.len(self.run_sums.len());
        for run in &self.run_sums {
            run.iter().for_each(|s| w.f64(*s));
        }
        w.len(self.outcomes.len());
        for o in &self.outcomes {
            w.0.push(o.end_status.index() as u8);
            for v in [
                o.client_cost,
                o.supplier_margin,
                o.client_net_value,
                o.mean_effort,
            ] {
                w.f64(v);
            }
        }
        w.len(self.samples.len());
        for s in &self.samples {
            w.len(s.len());
            s.iter()
                .for_each(|v| w.0.extend_from_slice(&v.to_le_bytes()));
        }
        w.0
    }

    /// Reads an ensemble written by [`Ensemble::to_bytes`]; an error says what is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err("not an ensemble (unknown format)".into());
        }
        let weeks = r.u32()?;
        if weeks > crate::sim::MAX_WEEKS {
            return Err(format!("{weeks} weeks: at most {}", crate::sim::MAX_WEEKS));
        }
        let mut e = Ensemble::new(weeks);
        e.runs = r.u32()?;
        for week in &mut e.status_counts {
            for c in week.iter_mut() {
                *c = r.u32()?;
            }
        }
        r.u32s(&mut e.hist)?;
        for s in &mut e.sums {
            *s = r.f64()?;
        }
        for s in &mut e.status_weeks {
            *s = r.u64()?;
        }
        let n = r.len(80)?;
        e.run_sums = (0..n)
            .map(|_| {
                let mut run = [0.0; 10];
                for s in &mut run {
                    *s = r.f64()?;
                }
                Ok(run)
            })
            .collect::<Result<_, String>>()?;
        let n = r.len(33)?;
        e.outcomes = (0..n)
            .map(|_| {
                let status = *Status::ALL
                    .get(usize::from(r.take(1)?[0]))
                    .ok_or("unknown status")?;
                Ok(RunOutcome {
                    end_status: status,
                    client_cost: r.f64()?,
                    supplier_margin: r.f64()?,
                    client_net_value: r.f64()?,
                    mean_effort: r.f64()?,
                })
            })
            .collect::<Result<_, String>>()?;
        let n = r.len(4)?;
        e.samples = (0..n)
            .map(|_| {
                let len = r.len(4)?;
                (0..len)
                    .map(|_| Ok(f32::from_le_bytes(r.array()?)))
                    .collect::<Result<Vec<f32>, String>>()
            })
            .collect::<Result<_, String>>()?;
        if r.at != bytes.len() {
            return Err("trailing bytes after the ensemble".into());
        }
        debug_assert_eq!(e.hist.len(), Series::BANDED.len() * weeks as usize * BINS);
        Ok(e)
    }
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    fn u32s(&mut self, v: &[u32]) {
        self.0.reserve(v.len() * 4);
        for x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or("the ensemble's bytes end too early")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, String> {
        self.array().map(u32::from_le_bytes)
    }
    /// Fills `out` from as many little-endian numbers (the histogram: one pass over a slice
    /// whose length is checked once).
    fn u32s(&mut self, out: &mut [u32]) -> Result<(), String> {
        let bytes = self.take(out.len() * 4)?;
        for (x, b) in out.iter_mut().zip(bytes.chunks_exact(4)) {
            *x = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        }
        Ok(())
    }
    fn u64(&mut self) -> Result<u64, String> {
        self.array().map(u64::from_le_bytes)
    }
    fn f64(&mut self) -> Result<f64, String> {
        self.array().map(f64::from_le_bytes)
    }
    /// A count of items of at least `item` bytes each: refused if the bytes left cannot hold
    /// them, so that a corrupt count never allocates without bound.
    fn len(&mut self, item: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(item) > self.bytes.len() - self.at {
            return Err("the ensemble's bytes end too early".into());
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use crate::sim::{Ensemble, Plan, Scenario};

    #[test]
    fn bytes_give_back_the_same_ensemble() {
        let s = Scenario {
            weeks: 40,
            ..Scenario::default()
        };
        let e = Ensemble::run(&Plan::new(&s), 30);
        let back = Ensemble::from_bytes(&e.to_bytes()).expect("decodes");
        assert_eq!(back, e);
        assert_eq!(back.to_bytes(), e.to_bytes());
    }

    #[test]
    fn damaged_bytes_are_refused_without_panic() {
        let s = Scenario {
            weeks: 10,
            ..Scenario::default()
        };
        let bytes = Ensemble::run(&Plan::new(&s), 3).to_bytes();
        for cut in [0, 3, 4, 8, 100, bytes.len() - 1] {
            assert!(Ensemble::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Ensemble::from_bytes(&longer).is_err());
        let mut huge = bytes;
        huge[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Ensemble::from_bytes(&huge).is_err());
    }
}
