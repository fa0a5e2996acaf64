import EDISchema
import Foundation
import Logging
import O2C

/// Inbound acknowledgements (TA1, 997, 999, CONTRL) matched to what we sent (docs/pipeline.md,
/// "Acknowledgement reconciliation"). An acknowledgement is not translated to an internal document;
/// its file is archived like any other, and what it says is matched and recorded in the file's commit.
extension PipelineRunner {
    /// The acknowledgements of a validated inbound file, for its commit. One the models cannot read is
    /// logged and left out; the file is archived all the same.
    func receivedAcknowledgements(_ file: URL, validation: FileValidation, responses: AcknowledgementResponses, partner: String,
                                  now: Date, logger: Logger) throws -> [AcknowledgementRecord] {
        guard AcknowledgementReader.mayHoldAcknowledgements(validation, responses: responses) else { return [] }
        let (acknowledgements, unreadable) = try AcknowledgementReader.read(path: file.path)
        for problem in unreadable { logger.warning("acknowledgement not read", metadata: ["error": "\(problem)"]) }
        return acknowledgements.map { AcknowledgementRecord(acknowledgement: $0, partner: partner, receivedAt: now) }
    }

    /// After the commit: how each acknowledgement was matched, logged and counted; an unmatched one is a warning.
    func reportAcknowledgements(ofFile id: Int64, in outcome: FileOutcome, logger: Logger) throws -> PipelineSummary {
        var summary = PipelineSummary()
        guard !outcome.acknowledgements.isEmpty else { return summary }
        for match in try ledger.acknowledgements(ofFile: id) {
            let metadata: Logger.Metadata = ["acknowledgement": "\(match.acknowledgement.kind.rawValue)",
                                             "interchange": "\(match.acknowledgement.controlNumber)",
                                             "status": "\(match.acknowledgement.status?.rawValue ?? match.acknowledgement.code)"]
            if match.isMatched {
                summary.acknowledgementsReceived += 1
                logger.info("\(match)", metadata: metadata)
            } else {
                summary.unmatchedAcknowledgements += 1
                logger.warning("\(match)", metadata: metadata)
            }
        }
        return summary
    }
}
