"""The Jinja environment the fragments render in, and template faults as clear errors.

Templates are looked up through the host's search path (the MkDocs theme's folders, its
``custom_dir`` first), with the package's ``templates/`` folder last: a theme file at
``prizm/byline.html`` wins over the package's.  Autoescaping is always on in these fragments,
whatever the theme does.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2

__all__ = ["TEMPLATES_DIR", "TemplateError", "load", "make_environment", "template_faults"]

#: The package's own templates folder (appended last to the host's search path).
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


class TemplateError(Exception):
    """A template that cannot be used: its name, line and what is wrong.

    Raised instead of Jinja's own exceptions, so that hosts report one clear line (the MkDocs
    plugin turns it into a ``PluginError``, the CLI into a usage error) and never a traceback.
    """

    def __init__(self, template: str, line: int | None, message: str) -> None:
        where = f"{template}:{line}" if line else template
        super().__init__(f"template {where}: {message}")
        self.template = template
        self.line = line


class _Environment(jinja2.Environment):
    """Jinja's environment, with each template's globals in one plain dict.

    The fragments' globals are all set before any template is loaded, so each template can
    hold a copy of them rather than Jinja's ``ChainMap`` over the environment's: every render,
    and every ``{% include %}``, copies them into a new context, which a dict makes cheap.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """The environment's globals with the template's own ``d`` over them, as a dict."""
        return {**self.globals, **d} if d else dict(self.globals)


def make_environment(
    search_path: Sequence[str | Path] = (), *, strict: bool = False
) -> jinja2.Environment:
    """An autoescaping environment over ``search_path``, then the package's templates.

    Args:
        search_path: The host's template folders, in order of precedence.
        strict: Make an undefined name in a template an error (``mkdocs build --strict``),
            instead of rendering as nothing.
    """
    dirs = [str(p) for p in search_path]
    if str(TEMPLATES_DIR) not in dirs:
        dirs.append(str(TEMPLATES_DIR))
    return _Environment(
        loader=jinja2.FileSystemLoader(dirs),
        autoescape=True,
        auto_reload=False,
        # A dict, not the LRU cache (locked, reordered on every lookup): an include is looked
        # up on each use, and the fragments have a handful of templates.
        cache_size=-1,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined if strict else jinja2.ChainableUndefined,
    )


def _template_line(exc: BaseException, name: str) -> tuple[str, int | None]:
    """The template and line a rendering error comes from (Jinja keeps them in the traceback)."""
    found: tuple[str, int | None] = (name, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".html"):
            found = (_short(frame.filename), frame.lineno)
    return found


def _short(filename: str) -> str:
    """``prizm/byline.html`` from a template file's path."""
    parts = Path(filename).parts
    return "/".join(parts[-2:]) if len(parts) >= 2 else filename


@contextmanager
def template_faults(name: str) -> Iterator[None]:
    """Turn Jinja's errors while loading or rendering ``name`` into a ``TemplateError``."""
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        template = _short(exc.filename) if exc.filename else (exc.name or name)
        raise TemplateError(template, exc.lineno, f"syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(name, None, f"template '{exc.name}' not found") from None
    except jinja2.UndefinedError as exc:
        template, line = _template_line(exc, name)
        raise TemplateError(template, line, f"undefined value: {exc.message}") from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        template, line = _template_line(exc, name)
        raise TemplateError(template, line, f"{type(exc).__name__}: {exc}") from None


def load(env: jinja2.Environment, name: str) -> Callable[..., str]:
    """Compile template ``name`` now (so an override's faults stop the build at once)."""
    with template_faults(name):
        template = env.get_template(name)

    def render(**context: object) -> str:
        # Rendered outside the context manager (entered for every fragment of every page),
        # which sees only a failure.
        try:
            return template.render(context).strip()
        except Exception:
            with template_faults(name):
                raise

    return render
