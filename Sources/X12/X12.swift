/// Typed models of the X12 order-to-cash transaction sets (850, 855, 856, 810, 820) and
/// acknowledgements (997, 999, TA1), built from validated transactions.
public enum X12 {}
