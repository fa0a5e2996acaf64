/// The company's internal documents (purchase orders, acknowledgements, ship notices, invoices,
/// remittances) and the mappers between them and the X12 and EDIFACT typed models.
public enum O2C {}
