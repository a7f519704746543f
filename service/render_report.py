"""Render a ``MatchReport`` for people: a rich console report and a self-contained HTML page.

Presentation only: every number comes from the report; nothing is computed here but layout.
"""

from __future__ import annotations

from html import escape

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .models import Evidence, MatchReport, Profile

BAR_WIDTH = 20
TOP_GAPS = 10


def _bar(earned: float, weight: float, width: int = BAR_WIDTH) -> str:
    filled = 0 if weight <= 0 else round(width * max(0.0, min(1.0, earned / weight)))
    return "█" * filled + "░" * (width - filled)


def _evidence_line(evidence: list[Evidence]) -> str:
    if not evidence:
        return ""
    ev = evidence[0]
    line = (ev.line or ev.text).strip()
    where = f"[{ev.section}] " if ev.section else ""
    return where + (line if len(line) <= 90 else line[:87] + "…")


def print_report(report: MatchReport, console: Console | None = None) -> None:
    """The report as tables: score, groups as bars, requirements, matched skills, ranked gaps."""
    console = console or Console()
    kind = "job" if report.profile_kind == "job" else "profile"
    console.print(Panel(Text.assemble(
        (f"{report.score:.1f}", "bold"), " / 100  ", (f"{kind}: {report.profile}", "cyan"),
        *((f"\n{report.band_meaning}", "italic"),) if report.band_meaning else (),
    ), title="skillmatch score", expand=False))
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape_markup(warning)}")

    groups = Table(title="Breakdown", show_lines=False)
    groups.add_column("Part")
    groups.add_column("Points", justify="right")
    groups.add_column("of", justify="right")
    groups.add_column("")
    for group in report.breakdown:
        groups.add_row(escape_markup(group.name), f"{group.earned:.1f}", f"{group.weight:.1f}",
                       _bar(group.earned, group.weight))
    for check in report.requirements:
        groups.add_row(escape_markup(check.label), f"{check.points:.1f}", f"{check.weight:.1f}",
                       _bar(check.points, check.weight))
    console.print(groups)

    if report.requirements:
        reqs = Table(title="Requirements")
        reqs.add_column("Requirement")
        reqs.add_column("Met")
        reqs.add_column("Detail")
        for check in report.requirements:
            met = {True: "[green]yes[/green]", False: "[red]no[/red]", None: "unknown"}[check.met]
            reqs.add_row(escape_markup(check.label), met, escape_markup(check.detail))
        console.print(reqs)

    if report.missing_required:
        console.print("[red]Missing required:[/red] " +
                      escape_markup(", ".join(report.missing_required)))

    matched = Table(title="Matched")
    matched.add_column("Item")
    matched.add_column("Skill")
    matched.add_column("Credit", justify="right")
    matched.add_column("How / evidence")
    for item in report.matched:
        matched.add_row(
            escape_markup(item.label), escape_markup(item.matched_skill or ""),
            f"{item.credit:.2f}",
            escape_markup(item.how + ("\n" + _evidence_line(item.evidence) if item.evidence else "")),
        )
    console.print(matched)

    gaps = Table(title=f"Top gaps (of {len(report.gaps)}), by points they would add")
    gaps.add_column("+pts", justify="right")
    gaps.add_column("Gap")
    gaps.add_column("Why / closest / next step")
    for gap in report.gaps[:TOP_GAPS]:
        lines = []
        if gap.why:
            lines.append(f"why: {gap.why.text}")
        if gap.closest:
            lines.append(gap.closest)
        lines.append(f"next: {gap.next_step}")
        gaps.add_row(f"{gap.gain:.1f}", escape_markup(f"{gap.label} ({gap.importance})"),
                     escape_markup("\n".join(lines)))
    console.print(gaps)

    tail = []
    if report.experience.total_years is not None:
        tail.append(f"Experience: {report.experience.total_years:g} years")
    if report.salary_band:
        band = report.salary_band
        tail.append(f"Salary band ({band.label}): ${band.annual_usd:,} a year — {band.source}")
    tail.append("Scored on: " + "; ".join(report.used))
    v = report.versions
    tail.append(f"Versions: skillmatch {v.skillmatch}, taxonomy {v.taxonomy}, profile {v.profile}")
    console.print(Group(*(Text(t, style="dim") for t in tail)))


def escape_markup(text: str) -> str:
    """Text shown literally by rich (no ``[tag]`` interpretation)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def print_profile(profile: Profile, console: Console | None = None) -> None:
    """A profile's groups and items with weights, importance and years."""
    console = console or Console()
    console.print(f"[bold]{escape_markup(profile.title)}[/bold] ({profile.kind} "
                  f"{escape_markup(profile.name)}, version {escape_markup(profile.version)})")
    if profile.description:
        console.print(escape_markup(profile.description))
    total = sum(g.weight for g in profile.groups) + profile.education.weight + \
        profile.experience.weight + profile.role.weight
    for group in profile.groups:
        table = Table(title=f"{group.name} — {100 * group.weight / total:.1f} points")
        table.add_column("Item")
        table.add_column("Skills (any of)")
        table.add_column("Importance")
        table.add_column("Weight", justify="right")
        table.add_column("Why")
        for item in group.items:
            years = f"{item.min_years:g}+" if item.min_years else ""
            label = item.label + (f" ({years} years)" if years and years not in item.label else "")
            table.add_row(escape_markup(label), escape_markup(", ".join(item.any_of)),
                          item.importance, f"{item.weight:g}",
                          escape_markup(item.why.text if item.why else ""))
        console.print(table)
    edu, exp = profile.education, profile.experience
    if edu.required_level or edu.preferred_level:
        console.print(
            f"Education ({100 * edu.weight / total:.1f} points): required {edu.required_level}, "
            f"preferred {edu.preferred_level}, bonus {edu.bonus_level}; fields: "
            + escape_markup(", ".join(edu.fields) or "any"))
    if exp.min_years is not None:
        rng = f"{exp.min_years:g}" + (f"-{exp.max_years:g}" if exp.max_years else "+")
        console.print(f"Experience ({100 * exp.weight / total:.1f} points): {rng} years"
)
    if profile.role.family and profile.role.weight:
        console.print(f"Role ({100 * profile.role.weight / total:.1f} points): "
                      f"{escape_markup(profile.role.family)}")
    for band in profile.salary_bands:
        upper = f"-{band.max_years:g}" if band.max_years is not None else "+"
        console.print(f"Salary {escape_markup(band.label)} ({band.min_years:g}{upper} years): "
                      f"${band.annual_usd:,}")
    for warning in profile.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape_markup(warning)}")


_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}.score{font-size:3rem;font-weight:700}
table{border-collapse:collapse;width:100%;margin:1rem 0}
td,th{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
.bar{background:#eee;width:12rem;height:.8rem;display:inline-block}
.bar span{background:#2a7;height:100%;display:block}
.warn{background:#fff4d6;padding:.5rem;border-left:4px solid #e6a700}
.missing{color:#b00}.dim{color:#666;font-size:.9rem}
"""


def report_html(report: MatchReport) -> str:
    """A self-contained page (inline CSS, no scripts, every value escaped)."""
    e = escape
    parts = [
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>skillmatch — {e(report.profile)}</title><style>{_CSS}</style></head><body>",
        f"<h1>Match against {e(report.profile)}</h1>",
        f"<p class=\"score\">{report.score:.1f}<small> / 100</small></p>",
    ]
    if report.band_meaning:
        parts.append(f"<p class=\"band\">{e(report.band_meaning)}</p>")
    parts += [f"<p class=\"warn\">{e(w)}</p>" for w in report.warnings]
    if report.missing_required:
        parts.append("<p class=\"missing\">Missing required: "
                     f"{e(', '.join(report.missing_required))}</p>")
    parts.append("<h2>Breakdown</h2><table><tr><th>Part</th><th>Points</th><th>of</th><th></th></tr>")
    rows = [(g.name, g.earned, g.weight) for g in report.breakdown]
    rows += [(c.label, c.points, c.weight) for c in report.requirements]
    for name, earned, weight in rows:
        pct = 0 if weight <= 0 else round(100 * earned / weight)
        parts.append(f"<tr><td>{e(name)}</td><td>{earned:.1f}</td><td>{weight:.1f}</td>"
                     f"<td><span class=\"bar\"><span style=\"width:{pct}%\"></span></span></td></tr>")
    parts.append("</table>")
    if report.requirements:
        parts.append("<h2>Requirements</h2><table>")
        for c in report.requirements:
            met = {True: "yes", False: "no", None: "unknown"}[c.met]
            parts.append(f"<tr><td>{e(c.label)}</td><td>{met}</td><td>{e(c.detail)}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>Matched</h2><table><tr><th>Item</th><th>Credit</th><th>How</th>"
                 "<th>Evidence</th></tr>")
    for m in report.matched:
        parts.append(f"<tr><td>{e(m.label)}</td><td>{m.credit:.2f}</td><td>{e(m.how)}</td>"
                     f"<td>{e(_evidence_line(m.evidence))}</td></tr>")
    parts.append("</table><h2>Gaps, by points they would add</h2><table><tr><th>+pts</th>"
                 "<th>Gap</th><th>Why</th><th>Closest</th><th>Next step</th></tr>")
    for g in report.gaps:
        parts.append(
            f"<tr><td>{g.gain:.1f}</td><td>{e(g.label)} ({g.importance})</td>"
            f"<td>{e(g.why.text if g.why else '')}</td><td>{e(g.closest or '')}</td>"
            f"<td>{e(g.next_step)}</td></tr>")
    parts.append("</table>")
    if report.experience.total_years is not None:
        parts.append(f"<p>Experience: {report.experience.total_years:g} years</p>")
    if report.salary_band:
        b = report.salary_band
        parts.append(f"<p>Salary band ({e(b.label)}): ${b.annual_usd:,} a year — {e(b.source)}</p>")
    v = report.versions
    parts.append(f"<p class=\"dim\">Scored on: {e('; '.join(report.used))}<br>skillmatch "
                 f"{e(v.skillmatch)}, taxonomy {e(v.taxonomy)}, profile {e(v.profile or '')}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)
