"""Sequence diagrams of the signal order traces, drawn as SVG from the recorded rows.

scripts/traces.py records which signals Django sends while an operation
runs; this module draws the same rows as a sequence diagram: the caller,
Django, and one lifeline per sender (the receivers connected for that
sender). Signals sent inside `transaction.atomic()` sit in a shaded box.

The SVG is written into docs/reference/traces.md, inside the generated block
of its trace, so the test that compares the tables with what Django sends
compares the diagrams too. It needs no JavaScript and no request: the page
styles it (docs/assets/handbook.css, both colour schemes), it names itself
with <title> and <desc>, and the table under it says the same in text.
"""

from dataclasses import dataclass
from html import escape

ROW = 30  # vertical distance between two messages
HEAD = 40  # height of a lifeline's header box
CHAR = 7.6  # width of a character at the diagram's font size, about
MIN_GAP = 130  # smallest distance between two lifelines
PAD = 16


@dataclass(frozen=True)
class Message:
    number: int  # the row of the table, 0 for calls and returns
    signal: str  # signal name, or the call's label
    sender: str  # the lifeline it goes to
    depth: int  # nesting of atomic() blocks when it was sent


@dataclass(frozen=True)
class Spec:
    caller: str  # who starts the operation: "Your code", "WSGI server", ...
    calls: tuple  # the label of each call, in order
    ends_after: tuple = ()  # messages that end a call (besides a new request)


def width(text):
    return round(len(text) * CHAR)


def split_calls(spec, rows):
    """Group the rows by the call that sent them: a call ends before the
    next request starts, and after one of the spec's `ends_after` messages."""
    groups = [[]]
    for row in rows:
        if row.signal == "request_started" and groups[-1]:
            groups.append([])
        groups[-1].append(row)
        if row.signal in spec.ends_after:
            groups.append([])
    return [group for group in groups if group]


def lifelines(spec, rows):
    """x of each lifeline: the caller, Django, then the senders in order of first use."""
    names = [spec.caller, "Django"]
    for row in rows:
        if row.sender not in names:
            names.append(row.sender)
    xs = {names[0]: PAD + width(names[0]) // 2 + 12}
    call_room = max(width(label) for label in spec.calls) + 40
    previous = names[0]
    for name in names[1:]:
        gap = max(MIN_GAP, (width(previous) + width(name)) // 2 + 40)
        if name == "Django":
            gap = max(gap, call_room)
        else:
            labels = [width(label(row)) + 40 for row in rows if row.sender == name]
            reach = max(labels) - (xs[previous] - xs["Django"])
            gap = max(gap, reach)
        xs[name] = xs[previous] + gap
        previous = name
    return names, xs


def label(row):
    return f"{row.number}. {row.signal}"


def checked_calls(name, spec, rows):
    groups = split_calls(spec, rows)
    if len(groups) != len(spec.calls):
        raise ValueError(
            f"trace {name!r}: {len(groups)} calls recorded, {len(spec.calls)} labels "
            "given in scripts/traces.py DIAGRAMS"
        )
    return groups


def svg(name, spec, rows, groups):
    """The diagram of one trace, as an SVG element (one line per element);
    `groups` are its rows split by call (checked_calls())."""
    names, xs = lifelines(spec, rows)
    right = xs[names[-1]] + width(names[-1]) // 2 + 12 + PAD
    steps = sum(len(group) + 2 for group in groups)
    height = HEAD + PAD * 2 + steps * ROW + PAD
    ident = f"trace-{name.replace('_', '-')}"
    out = [
        f'<svg class="signal-diagram__svg" role="img" viewBox="0 0 {right} {height}" '
        f'width="{right}" height="{height}" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">Sequence diagram: the signals Django sends for '
        f"{escape(' then '.join(spec.calls))}</title>",
        f'<desc id="{ident}-desc">{escape(summary(spec, groups))}</desc>',
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ]
    bottom = height - PAD
    # Transaction boxes first, so that lines and text are drawn over them.
    y = PAD + HEAD + PAD
    boxes, current = [], None
    for group in groups:
        y += ROW
        for row in group:
            y += ROW
            if row.depth and current is None:
                current = [y - ROW // 2 - 6, y]
            elif row.depth:
                current[1] = y
            elif current:
                boxes.append(current)
                current = None
        if current:
            boxes.append(current)
            current = None
        y += ROW
    left = xs["Django"] - 14
    for top, last in boxes:
        out.append(
            f'<rect class="atomic" x="{left}" y="{top}" width="{right - PAD - left}" '
            f'height="{last - top + 12}" rx="4"/>'
        )
        out.append(
            f'<text class="atomic-label" x="{right - PAD - 6}" y="{top + 14}" '
            'text-anchor="end">atomic()</text>'
        )
    for lane in names:
        x = xs[lane]
        w = width(lane) + 24
        out.append(
            f'<line class="lifeline" x1="{x}" y1="{PAD + HEAD}" x2="{x}" y2="{bottom}"/>'
        )
        out.append(
            f'<rect class="actor" x="{x - w // 2}" y="{PAD}" width="{w}" '
            f'height="{HEAD}" rx="4"/>'
        )
        out.append(
            f'<text class="actor-label" x="{x}" y="{PAD + HEAD // 2 + 5}" '
            f'text-anchor="middle">{escape(lane)}</text>'
        )
    y = PAD + HEAD + PAD
    for call, group in zip(spec.calls, groups, strict=True):
        y += ROW
        out.append(arrow(ident, xs[spec.caller], xs["Django"], y, call, "call"))
        for row in group:
            y += ROW
            out.append(
                arrow(ident, xs["Django"], xs[row.sender], y, label(row), "signal")
            )
        y += ROW
        out.append(arrow(ident, xs["Django"], xs[spec.caller], y, "", "return"))
    out.append("</svg>")
    return "\n".join(out)


def arrow(ident, x1, x2, y, text, kind):
    end = x2 - 2 if x2 > x1 else x2 + 2
    line = (
        f'<line class="{kind}" x1="{x1}" y1="{y}" x2="{end}" y2="{y}" '
        f'marker-end="url(#{ident}-arrow)"/>'
    )
    if not text:
        return line
    x = min(x1, x2) + 8
    return (
        line + f'<text class="{kind}-label" x="{x}" y="{y - 6}">{escape(text)}</text>'
    )


def summary(spec, groups):
    """The diagram in words, for its <desc>: one sentence per call."""
    parts = []
    for call, group in zip(spec.calls, groups, strict=True):
        sent = ", ".join(f"{row.signal} to the {row.sender} receivers" for row in group)
        atomic = [row.number for row in group if row.depth]
        inside = ""
        if atomic:
            inside = (
                f" Signals {atomic[0]} to {atomic[-1]} are sent inside atomic()."
                if len(atomic) > 1
                else f" Signal {atomic[0]} is sent inside atomic()."
            )
        parts.append(f"{spec.caller} calls {call}: Django sends {sent}.{inside}")
    return " ".join(parts)


def figure(name, spec, rows):
    """The block written into the page: the diagram and its caption."""
    return (
        '<figure class="signal-diagram" tabindex="0">\n'
        + svg(name, spec, rows, checked_calls(name, spec, rows))
        + "\n<figcaption>The same signals as the table below: each arrow from Django "
        "goes to the receivers connected for that sender.</figcaption>\n</figure>\n"
    )
