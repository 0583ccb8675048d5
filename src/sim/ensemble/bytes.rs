//! An ensemble as bytes, to hand a part computed in a web worker back to the page: every field,
//! little-endian, so that decoding gives back the same ensemble bit for bit and the parts merge
//! exactly as if they had been run in one place.
//!
//! The histograms are most of an ensemble (200 bins × 5 series × 260 weeks = 1 MB as `u32`), and
//! most of their bins are empty: they are written sparsely, each non-empty bin as the number of
//! empty bins before it and its count, both as LEB128 variable-length numbers (one byte each for
//! most bins), which makes a 512-run part about a fifth of its plain size and quicker to write,
//! send and read.

use super::{Ensemble, RunOutcome, BINS};
use crate::sim::record::Status;
use crate::sim::series::Series;

/// Marks the format (and its version) at the start of the bytes.
const MAGIC: &[u8; 4] = b"RSE3";

impl Ensemble {
    /// The ensemble as bytes; [`Ensemble::from_bytes`] reads them back.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(
            64 + self.hist.len() / 2 + self.run_sums.len() * 120 + self.status_counts.len() * 20,
        ));
        w.0.extend_from_slice(MAGIC);
        w.u32(self.weeks);
        w.u32(self.runs);
        for week in &self.status_counts {
            week.iter().for_each(|c| w.u32(*c));
        }
        w.sparse(&self.hist);
        self.sums.iter().for_each(|s| w.f64(*s));
        self.status_weeks.iter().for_each(|s| w.u64(*s));
        w.u64(self.active_weeks);
        w.len(self.run_sums.len());
        for run in &self.run_sums {
            run.iter().for_each(|s| w.f64(*s));
        }
        w.len(self.outcomes.len());
        for o in &self.outcomes {
            w.0.push(o.end_status.index() as u8);
            w.0.push(match o.renewed {
                None => 0,
                Some(true) => 1,
                Some(false) => 2,
            });
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
        r.sparse(&mut e.hist)?;
        for s in &mut e.sums {
            *s = r.f64()?;
        }
        for s in &mut e.status_weeks {
            *s = r.u64()?;
        }
        e.active_weeks = r.u64()?;
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
        let n = r.len(34)?;
        e.outcomes = (0..n)
            .map(|_| {
                let status = *Status::ALL
                    .get(usize::from(r.take(1)?[0]))
                    .ok_or("unknown status")?;
                let renewed = match r.take(1)?[0] {
                    0 => None,
                    1 => Some(true),
                    2 => Some(false),
                    _ => return Err("unknown renewal decision".to_string()),
                };
                Ok(RunOutcome {
                    renewed,
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
    /// A LEB128 number: seven bits a byte, low bits first, the high bit set on all but the last.
    fn varint(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    /// The non-empty entries of `v`: their number, then per entry the empty ones skipped
    /// before it and its value.
    fn sparse(&mut self, v: &[u32]) {
        let count_at = self.0.len();
        self.u32(0);
        let mut n = 0u32;
        let mut gap = 0u32;
        for &x in v {
            if x == 0 {
                gap += 1;
            } else {
                self.varint(gap);
                self.varint(x);
                gap = 0;
                n += 1;
            }
        }
        self.0[count_at..count_at + 4].copy_from_slice(&n.to_le_bytes());
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
    /// A LEB128 number written by `Writer::varint`; refused if it ends early or exceeds `u32`.
    fn varint(&mut self) -> Result<u32, String> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let &b = self
                .bytes
                .get(self.at)
                .ok_or("the ensemble's bytes end too early")?;
            self.at += 1;
            let bits = u32::from(b & 0x7f);
            if shift == 28 && bits > 0x0f {
                break;
            }
            v |= bits << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("a histogram count is out of range".into())
    }
    /// Fills `out` (all zeros) from the entries `Writer::sparse` wrote; refused if an entry
    /// falls outside it.
    fn sparse(&mut self, out: &mut [u32]) -> Result<(), String> {
        let n = self.len(2)?;
        let mut at = 0usize;
        for _ in 0..n {
            at = at.saturating_add(self.varint()? as usize);
            *out.get_mut(at)
                .ok_or("a histogram bin lies outside the histograms")? = self.varint()?;
            at += 1;
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

    /// The bytes of an ensemble of `weeks` weeks and no runs whose histogram entries are `entries`
    /// (raw bytes after their count `n`).
    fn with_entries(weeks: u32, n: u32, entries: &[u8]) -> Vec<u8> {
        let mut b = super::MAGIC.to_vec();
        b.extend(weeks.to_le_bytes());
        b.extend(0u32.to_le_bytes());
        b.extend(vec![0; weeks as usize * 20]);
        b.extend(n.to_le_bytes());
        b.extend(entries);
        b.extend(vec![0; 10 * 8 + 5 * 8 + 8]);
        b.extend(vec![0; 3 * 4]);
        b
    }

    #[test]
    fn histogram_entries_are_read_back_and_checked() {
        // Two weeks: 2 000 bins. Bin 3 holds 5, bin 1 999 (gap 1 995) holds 300.
        let ok = with_entries(2, 2, &[3, 5, 0xcb, 0x0f, 0xac, 0x02]);
        let e = Ensemble::from_bytes(&ok).expect("decodes");
        assert_eq!(e.hist.iter().filter(|c| **c != 0).count(), 2);
        assert_eq!((e.hist[3], e.hist[1999]), (5, 300));
        assert_eq!(e.to_bytes(), ok);
        // One bin past the end.
        let past = with_entries(2, 2, &[3, 5, 0xcc, 0x0f, 1]);
        assert!(Ensemble::from_bytes(&past).is_err());
        // A gap that would wrap the index around.
        let wrap = with_entries(2, 2, &[3, 5, 0xff, 0xff, 0xff, 0xff, 0x0f, 1]);
        assert!(Ensemble::from_bytes(&wrap).is_err());
        // A count above u32, and one that never ends.
        let big = with_entries(2, 1, &[0, 0xff, 0xff, 0xff, 0xff, 0x1f]);
        assert!(Ensemble::from_bytes(&big).is_err());
        let endless = with_entries(2, 1, &[0, 0xff, 0xff, 0xff, 0xff, 0x8f, 0x01]);
        assert!(Ensemble::from_bytes(&endless).is_err());
        // More entries announced than there are bytes for.
        let short = with_entries(2, 1_000_000, &[0, 1]);
        assert!(Ensemble::from_bytes(&short).is_err());
    }
}
