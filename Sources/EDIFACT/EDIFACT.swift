/// Typed models of the EDIFACT order-to-cash messages (ORDERS, ORDRSP, DESADV, INVOIC, REMADV)
/// and CONTRL, built from validated messages.
public enum EDIFACT {}
