"""The team's commands of `fact-review` (app/cli.py adds them): assign, queue, agreement,
disagreements, adjudicate, edit and copy. Each is a call of the application layer."""
from __future__ import annotations

import argparse
import json
import sys

from .messages import _, num, status_word

COMMANDS = ("assign", "queue", "agreement", "disagreements", "adjudicate", "edit")
WRITERS = {"assign", "adjudicate", "edit"}


class UsageError(Exception):
    """Bad input on the command line: what and where (cli.py prints it, exit status 2)."""


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    asg = sub.add_parser(
        "assign", parents=[common], help=_("split the unassigned articles among reviewers"),
        description=_("Give every article no one is assigned to one of the reviewers, as evenly as "
        "can be (counting what each has already); the share --overlap of them goes to two, "
        "spread through the list. On an article with two reviewers each one's decisions are "
        "kept apart and unseen by the other, the facts stay pending until adjudicated, and "
        "`agreement` measures how far the two agree."))
    asg.add_argument("--reviewers", required=True, metavar="A,B,C", help=_("the reviewers' names"))
    asg.add_argument("--overlap", type=float, default=0.0, metavar="SHARE",
                     help=_("the share of articles reviewed by two, 0 to 1 (default 0; 0.1 is 10%%)"))

    q = sub.add_parser("queue", parents=[common], help=_("the articles assigned to a reviewer"),
                       description=_("The articles assigned to the reviewer (--reviewer before the "
                       "command, or $FACT_REVIEW_REVIEWER), each with the facts left for them to "
                       "decide, and whether it is shared."))
    q.add_argument("--left", action="store_true", help=_("only articles with something left to decide"))
    q.add_argument("--json", action="store_true", help=_("one JSON object a line"))

    ag = sub.add_parser("agreement", parents=[common], help=_("agreement between reviewers"),
                        description=_("For each pair of reviewers sharing articles: span-level F1 on "
                        "the articles both have finished (the facts each kept — accepted, edited "
                        "or added — exact spans) and Cohen's kappa on their accept/edit/reject "
                        "decisions over the proposed facts both decided; per kind and overall, "
                        "with the counts behind them."))
    ag.add_argument("--json", action="store_true", help=_("print the figures as JSON"))

    dg = sub.add_parser("disagreements", parents=[common], help=_("what reviewers of shared articles decided differently"),
                        description=_("Each fact of a shared article its reviewers decided "
                        "differently, with every reviewer's side; its KEY is what `adjudicate` takes."))
    dg.add_argument("--article", type=int, metavar="ID", help=_("only this article's"))
    dg.add_argument("--json", action="store_true", help=_("one JSON object a line"))

    ad = sub.add_parser("adjudicate", parents=[common], help=_("settle a disagreement"),
                        description=_("Give a fact of a shared article its final status: side with "
                        "one reviewer (--take NAME), reject it (--reject), or write the final fact "
                        "(--value, --text, --kind, --field). --agreed settles every item on which "
                        "the reviewers agree. Logged as any decision (undo: revert EVENT_ID)."))
    ad.add_argument("key", nargs="?", metavar="KEY", help=_("fact:ID or added:ARTICLE:START-END:KIND "
                    "(see `disagreements`)"))
    g = ad.add_mutually_exclusive_group()
    g.add_argument("--take", metavar="REVIEWER", help=_("the reviewer whose decision is final"))
    g.add_argument("--reject", action="store_true", help=_("it is not a fact"))
    g.add_argument("--agreed", action="store_true", help=_("settle every item all reviewers agree on"))
    _fact_options(ad)

    ed = sub.add_parser("edit", parents=[common], help=_("edit a fact: its value, text, kind or fields"),
                        description=_("The edit form's decision, as --reviewer: a new value, the "
                        "words of the article it stands for (--text: the span moves to them), its "
                        "kind or a kind's field, checked as the form checks them. On a shared "
                        "article assigned to the reviewer it is their own decision, kept apart."))
    ed.add_argument("fact", type=int, metavar="FACT_ID", help=_("an id from `facts`"))
    _fact_options(ed)

    cp = sub.add_parser("copy", help=_("copy a whole workspace, from a file to a server or back"),
                        description=_("Copy the workspace SRC (a file's path or a server's URL) into "
                        "DST: articles, facts, the review log, models, assignments and judgments, "
                        "guidelines and each reviewer's place, ids kept; checked by counting both "
                        "sides before it is kept. DST must be empty (or not exist yet)."))
    cp.add_argument("source", metavar="SRC")
    cp.add_argument("destination", metavar="DST")


def _fact_options(p) -> None:
    p.add_argument("--value", metavar="VALUE", help=_("the normalised value (as FACTS.md has it)"))
    p.add_argument("--text", metavar="WORDS", help=_("the words of the article the fact stands for"))
    p.add_argument("--kind", metavar="KIND", help=_("its kind"))
    p.add_argument("--field", action="append", default=[], metavar="NAME=VALUE",
                   help=_("a kind's field, e.g. currency=VND (repeatable)"))
    p.add_argument("--note", metavar="TEXT", help=_("a note kept with the decision"))


def _fields(args) -> dict[str, str]:
    out = {}
    for item in args.field:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise UsageError(_("--field {item}: write it NAME=VALUE, e.g. currency=VND").format(item=repr(item)))
        out[name.strip()] = value
    return out


def run(command: str, args, ws, say) -> int:
    """Run a team command on the open workspace `ws`; `say` escapes text for the terminal."""
    return {"assign": _assign, "queue": _queue, "agreement": _agreement,
            "disagreements": _disagreements, "adjudicate": _adjudicate, "edit": _edit}[command](args, ws, say)


def _assign(args, ws, say) -> int:
    from .team import TeamError

    try:
        done = ws.assign(args.reviewers.split(","), args.overlap)
    except TeamError as exc:
        raise UsageError(str(exc)) from None
    if not done.plan:
        print(_("Every article is assigned already: nothing to do."))
    else:
        print(_("Assigned {n} articles ({shared} to two reviewers).").format(
            n=num(len(done.plan)), shared=num(done.shared)))
    heads = _("reviewer"), _("articles"), _("shared")
    widths = max(20, len(heads[0]) + 1), max(9, len(heads[1]) + 1), max(8, len(heads[2]) + 1)
    print(f"{heads[0]:<{widths[0]}}{heads[1]:>{widths[1]}}{heads[2]:>{widths[2]}}")
    for name, row in done.totals.items():
        print(f"{say(name)[:19]:<{widths[0]}}{num(row['articles']):>{widths[1]}}"
              f"{num(row['shared']):>{widths[2]}}")
    return 0


def _queue(args, ws, say) -> int:
    from .team import TeamError

    try:
        items = ws.my_queue()
    except TeamError as exc:
        raise UsageError(str(exc)) from None
    if args.left:
        items = [i for i in items if i.left]
    for i in items:
        if args.json:
            print(json.dumps({"article_id": i.article_id, "title": i.title, "shared": i.shared,
                              "reviewers": list(i.reviewers), "facts": i.facts, "left": i.left},
                             ensure_ascii=False))
        else:
            others = ", ".join(r for r in i.reviewers if r != ws.reviewer)
            shared = _("shared with {reviewers}").format(reviewers=others) if i.shared else ""
            left = _("{left} left of {facts}").format(left=f"{num(i.left):>4}", facts=f"{num(i.facts):<4}")
            print(f"{i.article_id:>6}  {left} {say(i.title)[:50]:<52} {say(shared)}")
    if not items and not args.json:
        print((_("No articles assigned to {reviewer} with something left.") if args.left else
               _("No articles assigned to {reviewer}.")).format(reviewer=say(ws.reviewer)))
    return 0


def _agreement(args, ws, say) -> int:
    from facts.team import format_agreement

    pairs = ws.agreement()
    if args.json:
        print(json.dumps([p.as_dict() for p in pairs], ensure_ascii=False, indent=2))
    else:
        print(say(format_agreement(pairs)))
    return 0


def _side(s) -> str:
    if s.fact is None:
        return f"{s.reviewer}: {status_word(s.status)}"
    f = s.fact
    extra = "".join(f" {k}={v}" for k, v in f.items()
                    if k not in ("kind", "start", "end", "text", "value") and v)
    return (f"{s.reviewer}: {status_word(s.status)} {f['kind']} {f['start']}-{f['end']} {f['text']!r} = "
            f"{f['value']!r}{extra}")


def _disagreements(args, ws, say) -> int:
    items = ws.disagreements([args.article] if args.article is not None else None)
    for d in items:
        if args.json:
            print(json.dumps(d.as_dict(), ensure_ascii=False))
            continue
        what = (f"{d.fact.kind} {d.fact.start}-{d.fact.end} {d.fact.text!r} = {d.fact.value!r}"
                if d.fact else _("added by some, not by others"))
        print(say(_("{key}  article {id}: {what}").format(key=d.key, id=d.article_id, what=what)))
        for s in d.sides:
            print(say(f"    {_side(s)}"))
    if not items and not args.json:
        print(_("No disagreements in article {id}.").format(id=args.article) if args.article is not None
              else _("No disagreements."))
    return 0


def _typed_fact(args, ws, key: str):
    """The final fact an adjudicator writes: the item's fact (or a side's) with their changes."""
    from db.team import parse_key

    what, num, span = parse_key(key)
    if what == "fact":
        base = ws.fact(num)
        if base is None:
            raise UsageError(_("{key}: there is no fact {id} in the workspace").format(key=key, id=num))
        data = {k: v for k, v in base.snapshot().items() if k not in ("status", "note")}
    else:
        kind, start, end = span
        side = next((s.fact for d in ws.disagreements([num]) if d.key == key for s in d.sides if s.fact), None)
        data = side or {"kind": kind, "start": start, "end": end, "text": "", "value": ""}
        if not side:
            art = ws.article(num)
            data["text"] = art.text[start:end] if art else ""
    if args.kind:
        from facts.model import KIND_FIELDS

        data = {k: v for k, v in data.items() if k in ("start", "end", "text", "value")}
        data["kind"] = args.kind
        data.update({f: "" for f in KIND_FIELDS.get(args.kind, ())})
    if args.value is not None:
        data["value"] = args.value
    if args.text is not None:
        from .team import _locate

        art = ws.article(data.get("article_id") or (num if what == "added" else ws.fact(num).article_id))
        data["start"], data["end"] = _locate(art.text, args.text, data["start"], data["end"], where=key)
        data["text"] = args.text
    data.update(_fields(args))
    return data


def _adjudicate(args, ws, say) -> int:
    if args.agreed:
        if args.key:
            raise UsageError(_("adjudicate --agreed settles every agreed item: give no KEY with it"))
        done = ws.settle_agreed()
        print(_("Settled {n} items on which the reviewers agree (decisions {first}–{last}).").format(
            n=num(len(done.events)), first=done.events[0], last=done.events[-1]) if done.events
            else _("Settled {n} items on which the reviewers agree.").format(n=num(0)))
        return 0
    if not args.key:
        raise UsageError(_("adjudicate: give the KEY of a disagreement (see `disagreements`), or --agreed"))
    writes = args.value is not None or args.text is not None or args.kind or args.field
    if sum(bool(x) for x in (args.take, args.reject, writes)) != 1:
        raise UsageError(_("adjudicate: give one of --take REVIEWER, --reject, or the final fact "
                           "(--value, --text, --kind, --field)"))
    try:
        fact = _typed_fact(args, ws, args.key) if writes else None
        done = ws.adjudicate(args.key, take=args.take, reject=args.reject, fact=fact, note=args.note)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    event = done.events[0]
    if done.facts:
        f = done.facts[0]
        print(say(_("{key}: fact {id} {status}: {text} = {value} (decision {event}; undo: revert "
                    "{event})").format(key=args.key, id=f.id, status=status_word(f.status), text=repr(f.text),
                                       value=repr(f.value), event=event)))
    else:
        print(_("{key}: not kept; the reviewers' added facts are settled (decision {event}; undo: "
                "revert {event})").format(key=args.key, event=event))
    return 0


def _edit(args, ws, say) -> int:
    try:
        done = ws.edit(args.fact, value=args.value, text=args.text, kind=args.kind,
                       fields=_fields(args), note=args.note)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    f, event = done.facts[0], done.events[0]
    own = (_(" — your own decision on a shared article, kept apart until adjudicated")
           if "judged_by" in f.extra else "")
    print(say(_("Fact {id} {status}: {kind} {start}-{end} {text} = {value} (decision {event}; undo: "
                "revert {event})").format(id=f.id, status=status_word(f.status), kind=f.kind, start=f.start,
                                          end=f.end, text=repr(f.text), value=repr(f.value),
                                          event=event) + own))
    if done.note:
        print(say(done.note))
    return 0


def copy(args, say) -> int:
    """`copy SRC DST`: before any workspace is opened (cli.py)."""
    from db.engine import location

    from .copying import copy_workspace
    from .workspace import WorkspaceError

    try:
        src, dst = location(args.source), location(args.destination)
        report = copy_workspace(src, dst)
    except WorkspaceError as exc:
        print(f"fact-review: copy: {say(str(exc))}", file=sys.stderr)
        return 1
    print(say(_copied(report)))
    return 0


def _copied(report) -> str:
    """app.copying.CopyReport.summary (in the command line's language)."""
    return report.summary()
