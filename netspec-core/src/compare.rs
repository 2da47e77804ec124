//! The error measures every check uses: maxima that keep NaN.
//!
//! `f64::max` returns the other operand when one is NaN, so a fold of errors with it counts a NaN
//! coordinate as 0 and a comparison that produced NaN passes. Every check (the contracts, the
//! IREE-versus-reference comparisons, the agreement of whole steps) takes its largest error and
//! its tolerance test from here.

/// The largest of `values`, NaN if any of them is NaN; 0 for none.
pub fn max_nan<I: IntoIterator<Item = f64>>(values: I) -> f64 {
    values.into_iter().fold(0.0, |worst, v| {
        if v.is_nan() || worst.is_nan() {
            f64::NAN
        } else {
            worst.max(v)
        }
    })
}

/// The largest magnitude among `values` (a scale to measure errors against), NaN if any is NaN.
pub fn largest_magnitude<I: IntoIterator<Item = f64>>(values: I) -> f64 {
    max_nan(values.into_iter().map(f64::abs))
}

/// max |a - b| over pairs, NaN if either side holds a NaN (or the lengths differ).
pub fn max_abs_diff<A, B>(a: A, b: B) -> f64
where
    A: IntoIterator<Item = f64>,
    B: IntoIterator<Item = f64>,
{
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    let mut worst = 0.0;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) => worst = max_nan([worst, (x - y).abs()]),
            (None, None) => return worst,
            _ => return f64::NAN,
        }
    }
}

/// Whether `error` is at most `tolerance`: false for a NaN error (or tolerance).
pub fn within(error: f64, tolerance: f64) -> bool {
    error <= tolerance
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nan_anywhere_is_the_maximum() {
        assert_eq!(max_nan([1.0, 3.0, 2.0]), 3.0);
        assert_eq!(max_nan([]), 0.0);
        for at in 0..3 {
            let mut v = [1.0, 3.0, 2.0];
            v[at] = f64::NAN;
            assert!(max_nan(v).is_nan(), "NaN at {at}");
            // What `f64::max` would have said: the NaN dropped.
            assert_eq!(
                v.iter().copied().fold(0.0, f64::max),
                if at == 1 { 2.0 } else { 3.0 }
            );
        }
        assert!(largest_magnitude([-4.0, f64::NAN]).is_nan());
        assert_eq!(largest_magnitude([-4.0, 2.0]), 4.0);
    }

    #[test]
    fn differences_with_a_nan_or_of_unequal_lengths_are_nan() {
        assert_eq!(max_abs_diff([1.0, 2.0], [1.5, 1.0]), 1.0);
        assert!(max_abs_diff([1.0, f64::NAN], [1.0, 2.0]).is_nan());
        assert!(max_abs_diff([1.0, 2.0], [f64::NAN, 2.0]).is_nan());
        assert!(max_abs_diff([1.0, 2.0], [1.0]).is_nan());
        assert!(max_abs_diff([f64::INFINITY], [f64::INFINITY]).is_nan());
    }

    #[test]
    fn nothing_nan_is_within_a_tolerance() {
        assert!(within(1e-7, 1e-6) && within(1e-6, 1e-6));
        assert!(!within(2e-6, 1e-6));
        assert!(!within(f64::NAN, 1e-6));
        assert!(!within(0.0, f64::NAN));
    }
}
