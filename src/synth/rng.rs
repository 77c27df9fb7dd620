//! A small seeded generator (SplitMix64): fast, and the same numbers on every machine, so a
//! corpus depends only on its seed. Each article draws from its own stream, keyed by the seed
//! and the article's number, so articles can be made in any order on any number of threads.

/// SplitMix64 (Steele, Lea and Flood): one 64-bit state, a Weyl step and a mixing function.
#[derive(Debug, Clone)]
pub struct Rng(u64);

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// The stream for item `n` of the corpus made with `seed`.
    pub fn for_item(seed: u64, n: u64) -> Rng {
        Rng(mix(seed.wrapping_mul(GOLDEN) ^ mix(n.wrapping_add(GOLDEN))))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// A rank in `0..n` with Zipf's law (exponent 1): rank r about as likely as 1/(r+1), the
    /// way words are spread in text. Inverse of the continuous distribution, no tables.
    pub fn zipf(&mut self, n: usize) -> usize {
        let r = ((n + 1) as f64).powf(self.unit()) as usize;
        r.saturating_sub(1).min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::for_item(7, 1).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            Rng::for_item(7, 1).next_u64(),
            Rng::for_item(7, 2).next_u64()
        );
        assert_ne!(
            Rng::for_item(7, 1).next_u64(),
            Rng::for_item(8, 1).next_u64()
        );
    }

    #[test]
    fn draws_stay_in_range_and_zipf_favours_low_ranks() {
        let mut r = Rng::for_item(1, 1);
        let mut low = 0;
        for _ in 0..10_000 {
            assert!(r.below(7) < 7);
            assert!((3..=5).contains(&r.between(3, 5)));
            let z = r.zipf(1000);
            assert!(z < 1000);
            low += usize::from(z < 10);
        }
        // P(rank < 10) = ln 11 / ln 1001, about 0.35.
        assert!((3000..4000).contains(&low), "{low}");
        assert_eq!(r.weighted(&[0, 5, 0]), 1);
    }
}
