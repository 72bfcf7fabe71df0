"""Usage errors as one line: an option typed wrong, a command or option that does not exist,
an argument left out. Typer prints these as a four-line box headed by the usage, its message
often pydantic's ("Value error, 'amunt' is not one of …", "Input should be greater than or
equal to 1"); namndkoll says on one line of stderr which option, what was wrong, what it
accepts, and the nearest accepted value when one is close. Exit code 2, as click's."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import typer
from typer.core import TyperGroup

from ..display import did_you_mean, one_line

try:  # a newer typer carries its own copy of click
    from typer._click import exceptions as _cx
except ImportError:  # pragma: no cover - an older typer runs on click itself
    from click import exceptions as _cx  # type: ignore[no-redef]


def _name(param: Any) -> str:
    """An option by its long name (``--limit``, not ``-n``), an argument as the help shows it."""
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("--")] or list(getattr(param, "opts", ()))
    if getattr(param, "param_type_name", "") == "option":
        return max(opts, key=len) if opts else f"--{param.name}"
    return (param.name or "argument").upper()


def _example(ctx: Any, option: str) -> str | None:
    """The value the command's own example gives ``option`` ("--year 2021"), if it gives one."""
    examples = re.findall(r"Example: (.+)", _help(ctx))
    m = re.search(rf"{re.escape(option)}[ =]([^\s-]\S*)", "\n".join(examples))
    return m.group(1) if m else None


def _help(ctx: Any) -> str:
    return getattr(getattr(ctx, "command", None), "help", None) or ""


def _choices(param: Any) -> tuple[str, ...] | None:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None)
    if choices:
        return tuple(str(getattr(c, "value", c)) for c in choices)
    choices = getattr(getattr(param, "type", None), "choices", None)  # click's Choice
    return tuple(str(c) for c in choices) if choices else None


def _bad_value(exc: Any, ctx: Any, where: str) -> str:
    """What was wrong with the value of one parameter of the command ``where``, and what it
    accepts."""
    param = exc.param
    name = _name(param)
    source = ctx.get_parameter_source(param.name) if ctx is not None and param.name else None
    if source is not None and source.name == "ENVIRONMENT" and param.envvar:
        name = f"{param.envvar} (for {name})"  # not typed: the user looks for it in their setup
    cause = exc.__cause__
    errors = cause.errors() if cause is not None and hasattr(cause, "errors") else []
    err = errors[0] if errors else {}
    given = err.get("input")
    shown = repr(one_line(str(given))) if given is not None else None
    kind = err.get("type", "")
    choices = _choices(param)
    if choices and shown is not None:
        near = did_you_mean(str(given), choices)
        return (f"{where} {name}: {shown} is not one of {', '.join(choices)}"
                + (f"; did you mean {near}?" if near else ""))
    limits = err.get("ctx") or {}
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than") and limits:
        bound = f"{next(iter(limits.values())):g}"  # 0.0 as 0
        accepted = {"greater_than_equal": f"{bound} or more", "greater_than": f"more than {bound}",
                    "less_than_equal": f"at most {bound}", "less_than": f"less than {bound}"}[kind]
        whole = getattr(getattr(param, "type_descriptor", None), "annotation", None) is int
        return f"{where} {name}: {given} is out of range; give {'a whole number' if whole else 'a number'}, {accepted}"
    if kind in ("int_parsing", "int_from_float", "float_parsing"):
        what = "a number" if kind == "float_parsing" else "a whole number"
        example = _example(ctx, name)
        return f"{where} {name}: {shown} is not {what}; give {what}" + (f", e.g. {name} {example}" if example else "")
    if isinstance(exc, _cx.MissingParameter):
        shown_as = re.search(r"Example: (.+)", _help(ctx))
        return f"{where}: give {name}" + (f", e.g. {shown_as.group(1)}" if shown_as else "")
    return f"{where} {name}: {one_line(exc.message).removeprefix('Value error, ').rstrip('.')}"


def usage_line(exc: Any, *, where: str = "namndkoll") -> str:
    """One line for a usage error: the command, what was wrong, what to do. ``where``: the
    command when the error knows no context (an option given without its value)."""
    ctx = exc.ctx
    where = ctx.command_path if ctx is not None else where
    if isinstance(exc, _cx.BadParameter) and exc.param is not None:
        return _bad_value(exc, ctx, where)
    if isinstance(exc, _cx.NoSuchOption):
        known = [o for p in (ctx.command.params if ctx is not None else ()) for o in p.opts if o.startswith("--")]
        near = did_you_mean(exc.option_name, known) if known else None
        return (f"{where} has no option {one_line(exc.option_name)}; "
                + (f"did you mean {near}?" if near else f"{where} --help lists its options"))
    m = re.match(r"No such command '(.*)'\.", exc.message)
    if m and ctx is not None and isinstance(ctx.command, TyperGroup):
        commands = ctx.command.list_commands(ctx)
        near = did_you_mean(m.group(1), commands)
        return (f"{where} has no command {one_line(m.group(1))!r}; "
                + (f"did you mean {near}?" if near else f"use one of {', '.join(commands)}"))
    message = one_line(exc.message).removeprefix("Value error, ").rstrip(".")
    return f"{where}: {message[:1].lower()}{message[1:]}; see {where} --help"


class OneLineUsageErrors(TyperGroup):
    """The root group: a usage error anywhere below it (its own options, a command's, a
    command's name) is one line on stderr and exit code 2; --help is untouched."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _one_line():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _one_line(ctx):
            return super().invoke(ctx)


@contextlib.contextmanager
def _one_line(ctx: Any = None) -> Iterator[None]:
    try:
        yield
    except _cx.NoArgsIsHelpError:
        raise  # a bare command: its help
    except _cx.UsageError as exc:
        where = " ".join(w for w in (ctx.command_path, ctx.invoked_subcommand) if w) if ctx else "namndkoll"
        typer.echo(f"error: {usage_line(exc, where=where)}", err=True)
        raise typer.Exit(exc.exit_code) from None
