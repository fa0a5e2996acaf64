"""Readers for the original UNECE UN/EDIFACT directory files (../shared/reference/unece).

Only what check_samples.py needs: a message's segment table (with its segment groups),
the segment directory (elements and composites with status and representation), and the
UNCL code lists. The files are read as code page 437, as UNECE published them.
"""
import os
import re

REF = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "reference", "unece"))

# directory -> (message file pattern, segment directory, code list files)
LAYOUT = {
    "D96A": ("TRMD/{m}_D.96A", "TRSD/TRSD.96A", ["UNCL/UNCL-1.96A", "UNCL/UNCL-2.96A"]),
    "D01B": ("EDMD/{m}_D.01B", "EDSD/EDSD.01B", ["UNCL/UNCL.01B"]),
}


def _read(path):
    with open(path, "rb") as f:
        return f.read().decode("cp437").replace("\r", "").split("\n")


class Node:
    """A segment or a segment group of a message structure."""

    def __init__(self, kind, tag, usage, max_use, pos, group=None):
        self.kind = kind          # "segment" | "group"
        self.tag = tag            # segment tag, or the trigger tag for a group
        self.usage = usage        # "M" | "C"
        self.max = max_use
        self.pos = pos
        self.group = group        # "SG25"
        self.children = []

    def __repr__(self):
        if self.kind == "segment":
            return f"{self.tag}({self.usage}{self.max})"
        return f"{self.group}[{', '.join(map(repr, self.children))}]({self.usage}{self.max})"


SEG_LINE = re.compile(r"^(\d{4})\s*[*+#|X]?\s+([A-Z]{3}) .*?\s([MC])\s+(\d+)(.*)$")
GRP_LINE = re.compile(r"^(\d{4})\s*[*+#|X]?\s+─+ Segment group (\d+)\s*─+ ([MC])\s+(\d+)(.*)$")


def message_structure(directory, message):
    """The segment table of `message` in `directory` as a tree of Node (root is a group)."""
    pattern, _, _ = LAYOUT[directory]
    lines = _read(os.path.join(REF, directory, pattern.format(m=message)))
    start = None
    for i, line in enumerate(lines):
        if re.match(r"^4\.3\.1\s+Segment table", line) and i + 2 < len(lines) and "Pos" in lines[i + 2]:
            start = i
            break
    if start is None:
        raise ValueError(f"no segment table in {message} {directory}")
    root = Node("group", None, "M", 1, "0000", group="message")
    stack = [root]
    for line in lines[start + 3:]:
        if line.startswith("4.3.2") or line.startswith("4.4"):
            break
        g = GRP_LINE.match(line)
        if g:
            node = Node("group", None, g.group(3), int(g.group(4)), g.group(1), group=f"SG{g.group(2)}")
            stack[-1].children.append(node)
            stack.append(node)
            continue
        s = SEG_LINE.match(line)
        if s:
            node = Node("segment", s.group(2), s.group(3), int(s.group(4)), s.group(1))
            parent = stack[-1]
            parent.children.append(node)
            if parent.kind == "group" and parent.tag is None:
                parent.tag = node.tag
            closes = s.group(5).count("┘") + s.group(5).count("┴")
            for _ in range(closes):
                stack.pop()
    if len(stack) != 1:
        raise ValueError(f"unbalanced segment groups in {message} {directory}: {stack}")
    return root


# ---- segment directory ----

TOP = re.compile(r"^(\d{3})\s*[*+#|X]?\s+([A-Z]\d{3}|\d{4})\s+(.*?)\s+([MC])(?:\s+(\d+))?(?:\s+(an|a|n)(\.\.)?(\d+))?\s*$")
SUB = re.compile(r"^\s*[*+#|X]?\s+(\d{4})\s+(.*?)\s+([MC])\s+(an|a|n)(\.\.)?(\d+)\s*$")
SEG_HEAD = re.compile(r"^\s*[*+#|X]?\s+([A-Z]{3})\s{2,}([A-Z].*)$")


def segment_directory(directory):
    """{tag: [element]} where element = {id, usage, fmt} or {id, usage, components:[...]}.

    fmt is (type, minLen, maxLen). Names that wrap onto a second line are joined first."""
    _, seg_path, _ = LAYOUT[directory]
    raw = _read(os.path.join(REF, directory, seg_path))
    lines = []
    for line in raw:
        # a wrapped name: the previous line opened an element but has no status yet
        if lines and re.match(r"^\s{10,}\S", line) and re.search(r"\s[MC](\s+\d+)?(\s+(an|a|n)(\.\.)?\d+)?\s*$", line) \
                and re.match(r"^(\d{3})?\s*[*+#|X]?\s+([A-Z]\d{3}|\d{4})\s", lines[-1]) \
                and not re.search(r"\s[MC](\s+\d+)?(\s+(an|a|n)(\.\.)?\d+)?\s*$", lines[-1]):
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
            continue
        lines.append(line)
    segs = {}
    cur = None
    last = None
    for line in lines:
        h = SEG_HEAD.match(line)
        if h and h.group(2).isupper() and not TOP.match(line):
            cur = []
            segs[h.group(1)] = cur
            last = None
            continue
        if cur is None:
            continue
        t = TOP.match(line)
        if t:
            elem = {"id": t.group(2), "usage": t.group(4)}
            if t.group(6):
                elem["fmt"] = _fmt(t.group(6), t.group(7), t.group(8))
            else:
                elem["components"] = []
            cur.append(elem)
            last = elem
            continue
        s = SUB.match(line)
        if s and last is not None and "components" in last:
            last["components"].append({"id": s.group(1), "usage": s.group(3), "fmt": _fmt(s.group(4), s.group(5), s.group(6))})
    return segs


def _fmt(typ, dots, n):
    n = int(n)
    return (typ, 1 if dots else n, n)


# ---- code lists ----

def code_lists(directory):
    """{element id: set(codes)} from UNCL (both the 1996 and the 2001 layouts)."""
    _, _, files = LAYOUT[directory]
    out = {}
    for fn in files:
        lines = _read(os.path.join(REF, directory, fn))
        cur = None
        for line in lines:
            if directory == "D96A":
                # element: "* 1001  Name"; code: change marks (up to 2) then the code right-aligned by column 10
                head = re.match(r"^[*+#|X ]{1,3}(\d{4})  \S", line)
                code = re.match(r"^([*+#|X]{1,2}| )( *)(\S+)\s+\S", line)
                ok = code and len(code.group(1)) + len(code.group(2)) < 10 \
                    and len(code.group(1)) + len(code.group(2)) + len(code.group(3)) <= 10
                code_value = code.group(3) if code else None
            else:
                head = re.match(r"^[*+#|X ]{0,5}?\s{0,5}(\d{4})  .*\[[A-Z]\]\s*$", line)
                code = re.match(r"^([*+#|X]{0,2})( {1,6})(\S+)\s{2,}\S", line)
                ok = code and len(code.group(1)) + len(code.group(2)) <= 6
                code_value = code.group(3) if code else None
            if head:
                cur = out.setdefault(head.group(1), set())
                continue
            if cur is not None and ok and code_value not in ("Desc:", "Repr:", "Note:"):
                cur.add(code_value)
    return out
