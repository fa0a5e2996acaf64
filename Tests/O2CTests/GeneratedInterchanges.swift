import Foundation
import TestSupport

/// Multi-transaction files with errors injected at random (seeded) transactions: X12 850s and
/// EDIFACT ORDERS D96A, several interchanges and groups, the last one cut off inside a segment.
enum GeneratedInterchanges {
    /// X12 004010 850s: about 180 transactions of 1–30 lines in three interchanges.
    static func x12(seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        var text = ""
        func isa(_ control: String) -> String {
            "ISA*00*          *00*          *01*804512378      *ZZ*ACMESUPPLY     *261123*0815*U*00401*\(control)*0*P*>~\n"
        }
        var transactionNumber = 0
        /// One group of `count` transactions; GE01 off by one when `wrongCount`.
        func group(_ control: Int, count: Int, wrongCount: Bool, type: String = "850") {
            text += "GS*PO*804512378*ACMESUPPLY*20261123*0815*\(control)*X*004010~\n"
            for _ in 0..<count {
                transactionNumber += 1
                text += x12Transaction(number: transactionNumber, type: type, random: &random)
            }
            text += "GE*\(count + (wrongCount ? 1 : 0))*\(control)~\n"
        }
        text += isa("000000101")
        group(101, count: 70, wrongCount: true)
        group(102, count: 50, wrongCount: false)
        text += "IEA*2*000000101~\n"
        text += isa("000000102")
        group(201, count: 2, wrongCount: false, type: "321")  // no schema for a 321
        group(202, count: 50, wrongCount: false)
        text += "IEA*2*000000102~\n"
        text += isa("000000103")
        group(301, count: 5, wrongCount: false)
        // Cut off inside the next transaction's line: EDI203, and that transaction has no trailer.
        text += "ST*850*9999~\nBEG*00*SA*4500099999**20261123~\nPO1*1*48*EA"
        return text
    }

    private static func x12Transaction(number: Int, type: String, random: inout SeededGenerator) -> String {
        let control = String(format: "%04d", number)
        let fault = Int(random.next() % 14)
        let lines = 1 + Int(random.next() % 30)
        var segments = ["ST*\(type)*\(control)"]
        if fault != 0 { segments.append("BEG*\(fault == 1 ? "X9" : "00")*SA*45000\(control)**20261123") }
        segments += ["CUR*BY*USD", "REF*DP*042", "PER*BD*JANE DOE*TE*6145550142"]
        segments.append("DTM*002*\(fault == 2 ? "20261399" : "20261204")")
        if fault == 3 { segments.append("ZZZ*1") }
        if fault == 7 { segments.append("N3*4800 COMMERCE PKWY") }
        segments += ["N1*ST*GLOBEX DC 042*92*042", "N3*4800 COMMERCE PKWY", "N4*COLUMBUS*OH*43219*US"]
        for line in 1...lines {
            segments.append("PO1*\(line)*\(line * 4)*EA*12.5*PE*UP*8765431\(String(format: "%05d", line))*VN*ACM-\(1000 + line)")
            segments.append("PID*F****WIDGET \(line) BLUE 10PK")
        }
        segments.append("CTT*\(lines)")
        let count = segments.count + 1 + (fault == 4 ? 1 : 0)
        if fault != 6 { segments.append("SE*\(count)*\(fault == 5 ? "X" + control : control)") }
        return segments.map { $0 + "~\n" }.joined()
    }

    /// EDIFACT ORDERS D96A: about 190 messages of 1–30 lines in three interchanges (one with a UNG group).
    static func edifact(seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        var text = "UNA:+.? '\n"
        var messageNumber = 0
        func unb(_ control: String) -> String {
            "UNB+UNOC:3+4049876000000:14+0876543000001:14+261124:0930+\(control)++ORDERS'\n"
        }
        func messages(_ count: Int, version: String = "D:96A") {
            for _ in 0..<count {
                messageNumber += 1
                text += edifactMessage(number: messageNumber, version: version, random: &random)
            }
        }
        text += unb("INI0000481")
        messages(80)
        text += "UNZ+81+INI0000481'\n"  // one more than sent
        text += unb("INI0000482")
        text += "UNG+ORDERS+4049876000000:14+0876543000001:14+261124:0930+77+UN+D:96A'\n"
        messages(2, version: "D:99Z")  // no schema for D99Z
        messages(60)
        text += "UNE+62+77'\n"
        text += "UNZ+1+INI0000482'\n"
        text += unb("INI0000483")
        messages(50)
        text += "UNH+99999+ORDERS:D:96A:UN:EAN008'\nBGM+220+PO-99999+9'\nLIN+1++08765431"
        return text
    }

    private static func edifactMessage(number: Int, version: String, random: inout SeededGenerator) -> String {
        let fault = Int(random.next() % 14)
        let lines = 1 + Int(random.next() % 30)
        var segments = ["UNH+\(number)+ORDERS:\(version):UN:EAN008"]
        if fault != 0 { segments.append("BGM+\(fault == 1 ? "ZZZ" : "220")+PO-\(number)+9") }
        segments.append("DTM+137:20261124:102")
        if fault == 3 { segments.append("ZZZ+1") }
        segments += ["NAD+BY+4049876000000::9", "NAD+SU+0876543000001::9", "CUX+2:EUR:9"]
        for line in 1...lines {
            segments += ["LIN+\(line)++08765431\(String(format: "%05d", line)):EN",
                         "QTY+21:\(line * 12)\(fault == 2 ? "A" : "")", "PRI+AAA:11.40"]
        }
        segments += ["UNS+S", "CNT+2:\(lines)"]
        let count = segments.count + 1 + (fault == 4 ? 1 : 0)
        segments.append("UNT+\(count)+\(fault == 5 ? "X\(number)" : "\(number)")")
        return segments.map { $0 + "'\n" }.joined()
    }
}
