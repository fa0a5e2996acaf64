/// The commented `edikit.yaml` that `edikit init` writes (every key: docs/configuration.md).
public enum ConfigurationTemplate {
    /// The template text.
    public static let text = """
        # EDIKit configuration. Every key is described in docs/configuration.md; a wrong key or value
        # is reported with its line before anything runs.

        identity:
          x12:                      # ISA05/ISA06 and GS02 of what we send
            qualifier: ZZ
            id: OURCOMPANY
          edifact:                  # UNB S002 of what we send (14 = GLN)
            qualifier: "14"
            id: "0000000000000"

        partners:
          # example-x12:            # the key names the outbox folder: outbox/example-x12/
          #   name: Example Retail
          #   syntax: x12
          #   qualifier: "01"       # their ISA qualifier and id: how their files are recognised
          #   id: "123456789"
          #   version: "004010"     # GS08 of what we send them
          #   acknowledgement: "997" # none, 997, 999, ta1; EDIFACT: contrl (when UNB 0031 asks or on errors), contrl-always
          #   guide: guides/example-850.xml
          #   duplicates: reject    # reject or warn on an interchange control number seen before
          #   duplicateWindowHours: 720

        limits:
          maxFileMegabytes: 100
        """
}
