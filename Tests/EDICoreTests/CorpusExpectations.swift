import EDICore

/// What EDIKit reports for every corpus file the manifest does not mark `valid`: each error and
/// warning as `CODE@line:column`, sorted. A comment gives the manifest's note and, where the codes
/// are not obvious from it, why. Schema-level defects (unknown segments, bad codes, missing
/// mandatory segments) give nothing here: they are the validator's concern, not the tokenizer's.
enum CorpusExpectations {
    static let issues: [String: [String]] = [
        // edge: UNA + UNOC:1 but text contains UTF-8 Ë (charset mismatch: UNOC=ISO-8859-1)
        "edifact/edifact_DESADV_D96A_phpedifact_UNOC_utf8.edi": [],
        // edge: bare CR line endings
        "edifact/edifact_INVOIC_D00A_edifabric_CR_only.txt": [],
        // edge: LF line endings and UTF-8 ß under UNOB
        "edifact/edifact_INVOIC_D00A_edifabric_LF_utf8.txt": [],
        // edge: UNA:|.? ' - data element separator '|'
        "edifact/edifact_INVOIC_D00A_edifabric_UNA_pipe_separator.txt": [],
        // edge: UNG/UNE functional group with synthetic values
        "edifact/edifact_INVOIC_D00A_edifabric_UNG_group.txt": [],
        // edge: empty repetitions CTA+***AD***
        "edifact/edifact_INVOIC_D00A_edifabric_blank_repetitions.txt": [],
        // edge: '??' escaped release char including in a qualifier (FTX+AAI??)
        "edifact/edifact_INVOIC_D00A_edifabric_escaped_release.txt": [],
        // edge: release char escaping repetition sep '?*' and component '?:' (COM+1:2?*3?:4), '??' in FTX
        "edifact/edifact_INVOIC_D00A_edifabric_escaped_repetition.txt": [],
        // edge: ?' escaped segment terminator inside data, incl. at end of segment (DE?'')
        "edifact/edifact_INVOIC_D00A_edifabric_escaped_segterm.txt": [],
        // edge: '*' used as repetition separator (COM+1:2*3:4) with no UNA under UNOB:1 (syntax 4 feature)
        "edifact/edifact_INVOIC_D00A_edifabric_repeating_data_element.txt": [],
        // edge: UNA:+,? ' (decimal comma), German UTF-8 text in UNOA:2
        "edifact/edifact_INVOIC_D93A_staedi_UNA_decimal_comma.edi": [],
        // edge: trailing empty component (RFF+VA:382324067:')
        "edifact/edifact_INVOIC_D97A_pydifact_trailing_colon.edi": [],
        // edge: UNA^*.? $ - component '^', element '*', segment terminator '$' (X12-looking delimiters in EDIFACT)
        "edifact/edifact_INVOIC_D97B_edireader_UNA_caret_star_dollar.edi": [],
        // edge: non-default UNA delimiters + UNOE Cyrillic
        "edifact/edifact_INVOIC_D97B_edireader_UNA_caret_star_dollar_UNOE.edi": [],
        // edge: UNOE:3 charset (ISO-8859-5 Cyrillic bytes), 28KB
        "edifact/edifact_ORDERS_D01B_EAN008_edireader_UNOE_cyrillic.edi": [],
        // edge: release chars ?' ?? ?: ?+ in NAD, UNOB:2 with 8-digit UNB date (CCYYMMDD under syntax 2), UNT ref 17520 != UNH ref 17420 (mismatch)
        // → UNT 0062 17520 vs UNH 17420 (EDI403); UNT says 27 segments for 16 (EDI404)
        "edifact/edifact_ORDERS_D93A_oboe_release_chars_mendelson.edi": ["EDI403@1:494", "EDI404@1:491"],
        // edge: 2 interchanges, 3 messages; mixed CRLF and bare LF line endings; no UNA
        "edifact/edifact_ORDERS_D96A_EAN008_bots_2UNB_mixed_CRLF_LF.edi": [],
        // edge: UNH S009 release ' 96A' with a leading SPACE, no UNA, UNOB:1, single line
        // → UNZ 0020 00000916 vs UNB 00000000000916 (EDI403)
        "edifact/edifact_ORDERS_D96A_EAN008_oboe_space_in_version.edi": ["EDI403@1:510"],
        // edge: UNA:+,? ' (decimal comma) with UNOA:4 (syntax v4)
        // → the file ends after UNT: no UNZ (EDI401)
        "edifact/edifact_ORDERS_D96A_EAN008_pydifact_UNA_decimal_comma_UNOA4.edi": ["EDI401@18:1"],
        // edge: UNG/UNE functional group; UNG version D:96A vs UNH D:96B mismatch; EANCOM
        // → UNT says 21 segments for 18 (EDI404)
        "edifact/edifact_ORDERS_D96B_EAN008_staedi_UNG_group.edi": ["EDI404@20:5"],
        // edge: UNOC:3 with ISO-8859-1 bytes (öéïü, not UTF-8), UNA, 27KB; synthetic lorem-ipsum field content (file named ORDERS but message is ORDRSP)
        "edifact/edifact_ORDRSP_D01B_EAN008_edireader_UNOC_latin1.edi": [],
        // edge: UNOD:3 charset (ISO-8859-2 bytes), 27KB
        "edifact/edifact_ORDRSP_D01B_EAN008_edireader_UNOD_latin2.edi": [],
        // edge: release character cases ?? , ?' inside data
        // → UNT says 14 segments for 23 (EDI404)
        "edifact/edifact_PAORES_IATA_phpedifact_release_chars.edi": ["EDI404@25:5"],
        // edge: UNA:+.\ ' (backslash release char), IATA syntax id
        "edifact/edifact_PNRGOV_IATA_staedi.edi": [],
        // TRADACOMS order
        // → TRADACOMS (STX=) is not read: EDI101 at the first byte
        "edifact/tradacoms_ORDERS_oboe.txt": ["EDI101@1:1"],
        // edge: EDIFACT message containing IEA/END segment tags (other-dialect terminators)
        "malformed/edifact_CUSTOM_D97B_staedi_x12_like_segments.edi": [],
        // malformed: empty ALI repeated 6 times (saved from stored text via read_file; ASCII+LF, length matches)
        "malformed/edifact_DESADV_D20A_edifactls_ALI_repeats.edi": [],
        // edge: LF inside FTX free text element (line break mid-segment), UNOB:2, unescaped ':' in text
        // → LF inside FTX read as wrapping (EDI208); UNT says 10 segments for 7 (EDI404)
        "malformed/edifact_IFTMBC_D00B_phpedifact_newline_in_element.edi": ["EDI208@7:1", "EDI404@9:5"],
        // edge: UTF-8 BOM before UNB
        "malformed/edifact_INVOIC_D00A_edifabric_BOM.txt": ["EDI303@1:1"],
        // malformed: UNT missing segment count
        "malformed/edifact_INVOIC_D00A_edifabric_UNT_no_count.txt": ["EDI404@42:5"],
        // malformed: UNG without UNE
        "malformed/edifact_INVOIC_D00A_edifabric_missing_UNE.txt": ["EDI401@44:1"],
        // malformed: 1st interchange has no UNZ; 2nd interchange switches to '|' element separator via its own UNA:|.? ' (delimiters change mid-file)
        "malformed/edifact_INVOIC_D00A_edifabric_missing_UNZ.txt": ["EDI401@43:1"],
        // malformed: many messages, some invalid (16KB)
        // → X12 lines inside CTA read as wrapping (EDI208); UNT 41 for 40; a UNH before UNT; UNZ count and reference wrong
        "malformed/edifact_INVOIC_D00A_edifabric_multiple_invalid_msgs.txt": ["EDI208@9:1", "EDI401@174:1", "EDI401@214:1", "EDI403@214:7", "EDI404@51:5", "EDI404@214:5"],
        // edge: trailing spaces after segment terminators
        "malformed/edifact_INVOIC_D00A_edifabric_trailing_blanks.txt": [],
        // malformed: unknown segment BGL in place of BGM
        "malformed/edifact_INVOIC_D00A_edifabric_unknown_segment_BGL.txt": [],
        // malformed: bad qualifier BYZZ, non-numeric QTY 1020A, $1.179 price, duplicate UNS
        "malformed/edifact_INVOIC_D97B_staedi_bad.edi": [],
        // edge: hard-wrapped lines (LF inside elements)
        "malformed/edifact_INVOIC_D97B_staedi_wrapped.edi": ["EDI208@1:1"],
        // edge: wrapped every 15 chars + custom UNA delimiters
        "malformed/edifact_INVOIC_D97B_staedi_wrapped_UNA.edi": ["EDI208@1:10"],
        // edge: CRLF embedded in FTX free text, ISO-8859-1 umlauts, release char ?. for '.'
        // → CR LF inside FTX read as wrapping (EDI208); UNZ 0020 1 vs UNB 0902 (EDI403)
        "malformed/edifact_MEDRPT_pydifact_CRLF_inside_FTX.edi": ["EDI208@1:122", "EDI403@86:110"],
        // malformed: unescaped ':' in free text (1:10), release char before non-delimiter '?*'
        "malformed/edifact_ORDERS_D01B_EAN010_phpedifact_unescaped_delims.edi": [],
        // edge: lines wrapped at 80 chars inside element (200508|19), several segments per line
        "malformed/edifact_ORDERS_D96A_EAN008_bots_wrapped_80col.edi": ["EDI208@2:65"],
        // LARGE FILE (2.2 MB): one ORDERS message, LF-separated; file ends after UNT with NO UNZ; UNA decimal comma; use for streaming/perf tests
        // → UNT says 16 for 109,619 segments (EDI404); no UNZ (EDI401)
        "malformed/edifact_ORDERS_D96A_EAN008_pydifact_2MB_LARGE_no_UNZ.edi": ["EDI401@109621:1", "EDI404@109621:5"],
        // malformed: two garbage lines (#/@) before UNB (needs preprocessing)
        "malformed/edifact_ORDERS_D96A_bots_garbage_before_UNB.edi": ["EDI101@1:1"],
        // malformed: UNT segment count 99 vs 3 actual (saved from stored text via read_file; ASCII+LF, length matches)
        "malformed/edifact_ORDERS_D96A_edifactls_UNT_count_99.edi": ["EDI404@4:5"],
        // malformed: segment tag '1BC' (digit-led invalid tag) (saved from stored text via read_file; ASCII+LF, length matches)
        "malformed/edifact_ORDERS_D96A_edifactls_bad_segment_tag.edi": ["EDI201@3:1"],
        // malformed: non-default delimiters (\"\" element, = component, ; terminator) used WITHOUT a UNA segment
        // → no ' terminator anywhere: the input ends inside UNB (EDI203)
        "malformed/edifact_ORDERS_D96A_oboe_custom_delims_without_UNA.edi": ["EDI203@2:1"],
        // malformed: empty segment (two consecutive ') after UNB
        // → four empty segments (EDI205); UNZ reference differs from UNB (EDI403)
        "malformed/edifact_ORDERS_D96A_oboe_empty_segment_after_UNB.edi": ["EDI205@1:82", "EDI205@1:366", "EDI205@1:489", "EDI205@1:507", "EDI403@1:514"],
        // malformed: mandatory BGM/DTM missing
        // → BGM/DTM are a schema matter; UNT says 30 segments for 27 (EDI404), UNZ 0020 00000916 vs UNB 00000000000916 (EDI403)
        "malformed/edifact_ORDERS_D96A_oboe_missing_BGM_DTM.edi": ["EDI403@1:441", "EDI404@1:422"],
        // malformed: empty PAI segments repeated, UNT count 8 vs 7 actual (saved from stored text via read_file; ASCII+LF, length matches)
        "malformed/edifact_ORDRSP_D20A_edifactls_PAI_violation.edi": ["EDI404@8:5"],
        // malformed: BGM twice (saved from stored text via read_file; ASCII+LF, length matches)
        // → the duplicate BGM is a schema matter; UNT says 7 segments for 6 (EDI404)
        "malformed/edifact_ORDRSP_D99B_edifactls_duplicate_BGM.edi": ["EDI404@7:5"],
        // edge: LF inside NAD data element (saved from stored text via read_file; ASCII+LF, length matches)
        "malformed/edifact_TESTMSG_D96A_edifactls_newline_in_element.edi": ["EDI208@5:1"],
        // edge: fixed 40-char blocked lines
        "malformed/tradacoms_ORDERS_staedi_blocked.edi": ["EDI101@1:1"],
        // malformed: + instead of = after segment tags
        "malformed/tradacoms_ORDERS_staedi_wrong_tag_delimiter.edi": ["EDI101@1:1"],
        // edge: BIN binary segments with embedded LF bytes in binary data
        "malformed/x12_000_005010_staedi_BIN_binary_segment.edi": [],
        // edge: stream hard-wrapped at 80 chars (LF inside segments/elements)
        "malformed/x12_210_004010_staedi_wrapped_80char.edi": ["EDI208@1:1"],
        // edge: segment terminator is U+2026 (multi-byte UTF-8 ellipsis) + LF; ISA12 00400
        "malformed/x12_214_004010_staedi_unicode_ellipsis_segterm.edi": [],
        // malformed: HL/NM1 segments between GS and ST (outside transaction set)
        // → HL, NM1, HL between GS and ST (EDI405); SE01 counts them: 13 for the 10 segments of ST…SE (EDI404)
        "malformed/x12_270_005010X279A1_badx12_HL_before_ST.edi": ["EDI404@1:464", "EDI405@1:170", "EDI405@1:181", "EDI405@1:219"],
        // edge: segment terminator 0x1D (ASCII group separator) + CRLF
        "malformed/x12_270_005010X279_oopfactory_GS_0x1D_terminator.txt": [],
        // edge: '~' followed by bare CR (old Mac line endings)
        "malformed/x12_810_002040_edifabric_CR_only_lines.txt": [],
        // malformed: 'FSA' instead of ISA
        "malformed/x12_810_002040_edifabric_FSA_header.txt": ["EDI101@1:1"],
        // malformed: ISA06/ISA08 not padded (variable-length ISA), multiple groups
        // → EDI103 warning; SE01 44 for 45 segments twice and IEA01 1 for 2 groups (EDI404)
        "malformed/x12_810_002040_edifabric_ISA_not_fixed_width.txt": ["EDI103@1:1", "EDI404@47:4", "EDI404@94:4", "EDI404@96:5"],
        // malformed: junk after IEA
        "malformed/x12_810_002040_edifabric_garbage_trailer.txt": ["EDI106@50:1"],
        // malformed: no IEA
        "malformed/x12_810_002040_edifabric_missing_IEA.txt": ["EDI401@48:1"],
        // malformed: many 810s, some invalid (18KB)
        // → the first 810 has ten N1 lines without terminator (EDI202 at each line's end); each ends its segment
        //   and reading goes on, so SE01 45 is short of the 54 segments read (EDI404); the fourth and fifth 810
        //   have no SE (EDI401), and GE01 says 1 for 5 (EDI404)
        "malformed/x12_810_002040_edifabric_multiple_invalid_msgs.txt": [
            "EDI202@13:1191", "EDI202@14:1191", "EDI202@15:1191", "EDI202@16:1191", "EDI202@17:1191", "EDI202@18:1191",
            "EDI202@19:1191", "EDI202@20:1191", "EDI202@21:1191", "EDI202@22:1191", "EDI401@191:1", "EDI401@235:1",
            "EDI404@235:4", "EDI404@56:4",
        ],
        // edge: trailing spaces after segment terminator
        "malformed/x12_810_002040_edifabric_trailing_blanks.txt": [],
        // edge: UTF-8 BOM; segments indented with leading spaces after CRLF; CRLF as segment terminator, ISA12 00040
        // → the last IEA has no terminator (EDI207)
        "malformed/x12_810_004010_oopfactory_Walmart_CR_terminator.txt": ["EDI207@24:16", "EDI303@1:1"],
        // malformed: ISA fields NOT fixed width (ISA02 ' ', ISA06 '227777777 '), ISA16 '~', segment terminator backslash; Walmart-style STP 820 with ENT/RMR/REF
        "malformed/x12_820_004010_moov_STP_unpadded_ISA_backslash.txt": ["EDI103@1:1"],
        // edge: UTF-8 BOM; segments indented with leading spaces after CRLF; segment terminator backslash '\\\\', some segments have space before terminator, GS
        // → GE02 is "987600111 " (a space before the terminator) while GS06 is 987600111 (EDI403)
        "malformed/x12_820_004010_oopfactory_Wikipedia_backslash_terminator.txt": ["EDI303@1:1", "EDI403@17:8"],
        // malformed: GS01 'HPO' invalid, GS04 date 20080543 invalid; ISA11 '>' repetition; single line
        // → SE/GE/IEA counts and control numbers all differ from their headers (EDI403, EDI404)
        "malformed/x12_835_005010X221A1_badx12_error_validation.edi": ["EDI403@1:830", "EDI403@1:842", "EDI403@1:854", "EDI404@1:827", "EDI404@1:840", "EDI404@1:852"],
        // malformed: starts with GS, no ISA envelope
        "malformed/x12_837_005010X222A1_imsweb_no_ISA.txt": ["EDI101@1:1"],
        // malformed: ISA02 is 9 chars instead of 10 -> ISA not 106 chars (fixed-width assumption breaks)
        // → EDI103 warning; SE01 25 for 34 segments (EDI404)
        "malformed/x12_837_005010X222A1_imsweb_short_ISA02.txt": ["EDI103@1:1", "EDI404@36:4"],
        // edge: segment terminator is LF, segments indented with spaces; ISA11 backtick repetition sep, ISA12 00402
        "malformed/x12_837_005010X222_staedi_indented_no_terminator.edi": [],
        // malformed: ISA06/ISA08 14 chars, ISA09/10 zeros, ISA13 11 digits, GS04 6-digit zeros, GS08 '00501', ST02 contains '-' (GUID fragment); single line 7KB
        // → SE01 is 0 (EDI404)
        "malformed/x12_837_005010X223A2_silvenga_bad_header.edi": ["EDI404@1:7132"],
        // edge: UTF-16LE encoded interchange (no BOM)
        // → transcoded (EDI301); the file stops after NM1 with a trailing U+00A0: input ends inside a segment (EDI203)
        "malformed/x12_837_005010_oopfactory_UTF16LE.txt": ["EDI203@1:248", "EDI301@1:1"],
        // edge: segment terminator is CR LF (no visible char)
        "malformed/x12_850_004010_bots_CRLF_segterm.x12": [],
        // edge: segment terminator is CR+LF itself (no ~), 3 interchanges
        "malformed/x12_850_004010_bots_CRLF_segterm_3_interchanges.x12": [],
        // edge: EBCDIC-encoded interchange (decode cp500/cp037); segments padded with spaces in fixed records, EBCDIC 0x15 (NL) after ISA
        "malformed/x12_850_004010_bots_EBCDIC.x12": ["EDI301@1:1"],
        // edge: segment terminator is LF (no ~), ISA12 00302 with GS 004010, ISA16 '@', GS date 6-digit
        "malformed/x12_850_004010_bots_LF_segterm_ISA00302_at_component.x12": [],
        // edge: LF as segment terminator
        "malformed/x12_850_004010_bots_ascii_LF_terminator.x12": [],
        // edge: '~ ' (tilde + space) between segments, no newlines
        "malformed/x12_850_004010_bots_space_after_segterm.x12": [],
        // edge: element separator '~' and LF segment terminator, ISA16 '|'
        "malformed/x12_850_004010_bots_tilde_elemsep_LF_segterm.x12": [],
        // edge: stream hard-wrapped at 80 columns with LF (breaks inside ISA and elements)
        "malformed/x12_850_004010_bots_wrapped_80col.x12": ["EDI208@1:1"],
        // edge: LF as segment terminator (no ~); BEG03 '----------'
        "malformed/x12_850_004010_nodex12_3_LF_segterm.edi": [],
        // malformed: ISA06 only 14 chars (ISA 105 long); element sep '~', segment terminator '*'; UTF-8 BOM; segments indented with leading spaces after CRLF
        "malformed/x12_850_004010_oopfactory_Adobe_CLP_short_ISA06.txt": ["EDI103@1:4", "EDI303@1:1"],
        // edge: UTF-8 BOM; segments indented with leading spaces after CRLF; element separator '~', CRLF terminator
        // → the last IEA has no terminator (EDI207)
        "malformed/x12_850_004010_oopfactory_Adobe_TLP_tilde_elemsep_CR.txt": ["EDI207@44:16", "EDI303@1:1"],
        // malformed: ISA06 14 chars; segment terminator is SPACE; UTF-8 BOM; segments indented with leading spaces after CRLF
        // → space as terminator: 'SOLD TO Org Name' splits into segments, 'Org' is no tag (EDI201)
        "malformed/x12_850_004010_oopfactory_Adobe_space_terminator_short_ISA06.txt": ["EDI103@1:4", "EDI201@8:21", "EDI303@1:1"],
        // edge: UTF-8 BOM; segments indented with leading spaces after CRLF; segment terminator '|', ISA16 (component) '~'
        "malformed/x12_850_004010_oopfactory_PGWGlass_pipe_terminator_tilde_component.txt": ["EDI303@1:1"],
        // edge: UTF-8 BOM; segments indented with leading spaces after CRLF; segment terminator U+2026 '…' (3-byte UTF-8)
        "malformed/x12_856_004010_oopfactory_ellipsis_terminator.txt": ["EDI303@1:1"],
        // edge: UTF-8 BOM; segments indented with leading spaces after CRLF; element sep '~', segment terminator '*', ISA16 backtick
        "malformed/x12_856_004010_oopfactory_tilde_elemsep_star_terminator.txt": ["EDI303@1:1"],
        // malformed: ST/SE with no body (missing mandatory AK1/AK9); ISA ver 00401 but GS 005010, ISA11 U
        "malformed/x12_997_005010_staedi_empty_transaction.edi": [],
        // malformed: AK101 not in codeset, non-numeric AK402 etc
        "malformed/x12_997_005010_staedi_invalid_codes.edi": [],
        // malformed: bad GS date, bad GS time, GE02 too long & non-numeric
        // → GE02 differs from GS06 (EDI403)
        "malformed/x12_997_005010_staedi_invalid_min.edi": ["EDI403@7:6"],
        // malformed: IK5 out of place before AK2, extra AK2 elements, trailing-space AK101
        // → SE01 says 16 segments for 18 (EDI404)
        "malformed/x12_999_005010X231_staedi_invalid999.edi": ["EDI404@20:4"],
        // malformed: ISA line without segment terminator character (ISA16 then LF only), nothing else
        // → LF after ISA16 is taken as terminator; no IEA follows (EDI401)
        "malformed/x12_ISA_only_badx12_missing_segment_terminator.edi": ["EDI401@1:1"],
        // edge: UTF-8 BOM; segments indented with leading spaces after CRLF; element sep '>', component '+', segment terminator is CR (CRLF), ISA11 '^'
        // → the last IEA has no terminator (EDI207)
        "malformed/x12_TA1_00501_oopfactory_gt_elemsep_CR_terminator.txt": ["EDI207@3:16", "EDI303@1:1"],
        // edge: 'mailbag' - 8 ISA interchanges concatenated with DIFFERENT delimiters/terminators per interchange (NAK, LF, ~, '~ ')
        "malformed/x12_mixed_004010_bots_mailbag_8_interchanges.x12": [],
        // edge: TA1 segment between ISA and GS of a data interchange
        "x12/x12_810+TA1_002040_edifabric_TA1_in_interchange.txt": [],
        // edge: LF as segment terminator
        "x12/x12_810_002040_edifabric_LF_segterm.txt": [],
        // edge: ISA11 '^' with empty repetitions
        "x12/x12_810_002040_edifabric_blank_repetition.txt": [],
        // edge: element separator '|'
        "x12/x12_810_002040_edifabric_pipe_separators.txt": [],
        // edge: ISA11 '!' repetition separator used in data, with ISA12 00204 (pre-00402!)
        "x12/x12_810_002040_edifabric_repetition_sep_bang.txt": [],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; CAISO sample from public IG
        "x12/x12_810_004010_oopfactory_CaliforniaISO.txt": ["EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; 2 invoices in group
        "x12/x12_810_004030_oopfactory_MultiInvoice.txt": ["EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; HIPAA premium payment 820 (6KB)
        "x12/x12_820_004010X061A1_oopfactory_FromScott.txt": ["EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; CRLF terminator
        // → the last IEA has no terminator (EDI207)
        "x12/x12_820_004010_oopfactory_MortgageBankers.txt": ["EDI207@28:16", "EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; version 004060
        // → GE02 is '44 (Group Control Number)' (EDI403)
        "x12/x12_820_004060_oopfactory_HomeDepot.txt": ["EDI303@1:1", "EDI403@27:8"],
        // edge: element '|', component '!', repetition '>'
        // → the file stops after PRV: no SE, GE, IEA (EDI401 x3)
        "x12/x12_837_005010X223A2_silvenga_pipe_elemsep_bang_component.edi": ["EDI401@1:1150", "EDI401@1:1150", "EDI401@1:1150"],
        // edge: LF as segment terminator, empty HL segments
        "x12/x12_837_005010_staedi_HL_nested_LF_terminator.edi": [],
        // edge: TA1 followed by GS/ST 840 in same interchange; LF terminator
        "x12/x12_840+TA1_004010_oboe_TA1_then_GS.edi": [],
        // edge: element '~', segment '|', repetition '\\\\', component '<'
        "x12/x12_840_00501_oboe_tilde_elem_pipe_seg_backslash_rep.txt": [],
        // edge: ISA12 00200 (old) with GS 004010; BEG07 used
        "x12/x12_850_004010_bots_ISA00200.x12": [],
        // edge: element separator '|', ISA12 00305, 4 ST, single line
        "x12/x12_850_004010_bots_pipe_elemsep_4ST.x12": [],
        // UTF-8 BOM; segments indented with leading spaces after CRLF
        "x12/x12_850_004010_oopfactory_aojuk.txt": ["EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; CRLF terminator, ISA12 00400
        // → the last IEA has no terminator (EDI207)
        "x12/x12_855_004010_oopfactory_Adobe.txt": ["EDI207@47:16", "EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; version 003060
        "x12/x12_856_003060_oopfactory_Example2.txt": ["EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF
        "x12/x12_856_004010VICS_oopfactory_Gregarican.txt": ["EDI303@1:1"],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; ISA16 '|'
        "x12/x12_856_004010_oopfactory_Example4.txt": ["EDI303@1:1"],
        // edge: element separator '|', single line; real-looking ASN (UPS tracking, GS time HHMMSS)
        "x12/x12_856_004010_silvenga_pipe_elemsep_single_line.edi": [],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; ISA01/03=01 with passwords
        "x12/x12_856_004060_oopfactory_edi1Source.txt": ["EDI303@1:1"],
        // edge: ISB and ISE interchange service segments after ISA; ISA01/03 = 01 with passwords
        "x12/x12_997_00401_staedi_ISB_ISE_optional_interchange_segments.edi": [],
        // edge: repetition separator ^ and component separator : used inside AK3/AK4 elements
        "x12/x12_997_005010_staedi_repetition_and_components_in_AK3_AK4.edi": [],
        // UTF-8 BOM; segments indented with leading spaces after CRLF; state Medicaid sample
        "x12/x12_999_005010X231_oopfactory_DHS_Wisconsin.txt": ["EDI303@1:1"],
        // edge: many TA1 segments in one interchange
        "x12/x12_TA1_004010_bots_many_TA1.x12": [],
    ]

    /// Files the manifest marks `valid` whose own envelope is wrong, with the codes they give and why.
    /// Also listed in docs/conformance.md under "Corpus files with envelope defects".
    static let envelopeDefects: [String: (codes: [String], reason: String)] = [
        "edifact/edifact_APERAK_D96A_pydifact_v4_rejected.edi":
            (["EDI404@9:5"], "UNT says 8 segments, the message has 7 (UNH … UNT)"),
        "edifact/edifact_ORDERS_D96A_pydifact_order2.edi":
            (["EDI401@12:1"], "the file ends after UNT: there is no UNZ"),
        "edifact/edifact_ORDERS_D96A_pydifact_wikipedia_de.edi":
            (["EDI403@12:7"], "UNZ 0020 is 1234567 (UNB's application reference, element 7); UNB 0020 is 1"),
        "x12/x12_837_005010X222A1_imsweb_multiple_GS.txt":
            (["EDI404@36:4", "EDI404@72:4", "EDI404@108:4", "EDI404@110:5"],
             "SE01 is 25 in all three transactions, which have 34 segments; IEA01 is 1 for 3 groups"),
        "x12/x12_999_005010X231A1_imsweb_accepted.txt":
            (["EDI403@10:7"], "IEA02 000000001 differs from ISA13 000000286 (the manifest notes it)"),
        "x12/x12_TA1_00501_staedi_interchange_ack.txt":
            (["EDI404@3:5"], "IEA01 is 1 but the interchange holds no functional group, only a TA1"),
    ]
}
