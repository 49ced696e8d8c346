"""Find Django's signals two ways: in the imported modules and in the source.

`python -m scripts.scan` (with DJANGO_SETTINGS_MODULE set) imports
every module of the installed Django and prints, as JSON, each Signal
instance found at module level with every name it is reachable by. The
coverage test runs it in a subprocess, so importing all of Django cannot
affect other tests. The source functions need no import at all: they read
Django's files with `ast`, including modules that cannot be imported here
(database drivers, GDAL).
"""

import ast
import importlib
import json
import pkgutil
import sys
import warnings
from functools import cache
from pathlib import Path

SEND_METHODS = {"send", "send_robust", "asend", "asend_robust"}


def django_root():
    import django

    return Path(django.__file__).resolve().parent


def import_all(package="django"):
    """Import every module of a package; return the names that failed."""
    root = importlib.import_module(package)
    failed = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for info in pkgutil.walk_packages(
            root.__path__, prefix=f"{package}.", onerror=failed.append
        ):
            try:
                importlib.import_module(info.name)
            except Exception:  # optional drivers, GDAL, apps not installed...
                failed.append(info.name)
    return sorted(set(failed))


def signal_objects(prefix="django."):
    """Every Signal found at module level in imported modules under prefix."""
    from django.dispatch import Signal

    found = {}
    for module_name, module in sorted(sys.modules.items()):
        if not (module_name + ".").startswith(prefix):
            continue
        for name, value in sorted(vars(module).items()):
            if issubclass(type(value), Signal):  # type(): never evaluate lazy objects
                entry = found.setdefault(
                    id(value),
                    {
                        "names": [],
                        "class": f"{type(value).__module__}.{type(value).__qualname__}",
                        "use_caching": value.use_caching,
                    },
                )
                entry["names"].append(f"{module_name}.{name}")
    return sorted(found.values(), key=lambda entry: entry["names"])


@cache
def _parse_text(text):
    return ast.parse(text)


def parse(path):
    """The AST of a source file; files with the same text are parsed once.

    The tests scan Django's source several times, and copies of it that
    differ in one file, so each text is parsed only once per process.
    """
    return _parse_text(path.read_text(encoding="utf-8"))


def module_name(path, root):
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def signal_classes(root):
    """module.Class for each class of the source that subclasses Signal, at any depth."""
    found = {}
    trees = [
        (module_name(path, root), parse(path)) for path in sorted(root.rglob("*.py"))
    ]
    while True:
        known = {"Signal", *(name.rsplit(".", 1)[1] for name in found)}
        before = len(found)
        for module, tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and any(
                    _called_name(base) in known for base in node.bases
                ):
                    found[f"{module}.{node.name}"] = True
        if len(found) == before:
            return sorted(found)


def signal_definitions(root):
    """module.name for each module-level `name = Signal(...)` in the source.

    Any Signal subclass defined in the source counts as Signal, and annotated
    assignments (`name: Signal = Signal()`) count too.
    """
    classes = {"Signal", *(name.rsplit(".", 1)[1] for name in signal_classes(root))}
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = parse(path)
        for node in tree.body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)):
                continue
            if not (
                isinstance(node.value, ast.Call)
                and _called_name(node.value.func) in classes
            ):
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        found.append(f"{module_name(path, root)}.{name.id}")
    return found


def _called_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class _CallSites(ast.NodeVisitor):
    def __init__(self, module, names):
        self.module, self.names, self.scope = module, names, []
        self.found, self.others = [], []

    def visit_scope(self, node):
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = visit_scope

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in SEND_METHODS:
            target = _called_name(func.value)
            function = ".".join([self.module, *self.scope])
            if target in self.names:
                self.found.append((target, function, func.attr))
            else:
                self.others.append((function, str(target)))
        self.generic_visit(node)


def _visit_all(root, names):
    for path in sorted(root.rglob("*.py")):
        visitor = _CallSites(module_name(path, root), names)
        visitor.visit(parse(path))
        yield visitor


def call_sites(root, names):
    """(signal, function, method) for each `<signal>.send(...)`-like call in the source."""
    return {site for visitor in _visit_all(root, names) for site in visitor.found}


def other_sends(root, names):
    """(function, object) for each `.send()`-like call on something not named
    like a known signal (an email message, or a signal held in a variable)."""
    return {site for visitor in _visit_all(root, names) for site in visitor.others}


def main():
    import django

    django.setup()
    failed = import_all()
    json.dump({"signals": signal_objects(), "not_imported": failed}, sys.stdout)


if __name__ == "__main__":
    main()
