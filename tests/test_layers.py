"""Dependencies between the apps run one way (docs/architecture.md), beyond what import-linter
sees in the imports (`make lint`): foreign keys and parental keys, page-type rules, `"app.Model"`
strings and the migrations' dependencies only ever point at the app itself or a lower layer."""

import ast
import re
import tomllib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Page

PYPROJECT = Path(settings.BASE_DIR) / "pyproject.toml"

# Migrations written before the apps were cut by topic, when articles and the review task lived
# in `home`: they keep their dependencies (rewriting applied migrations would break existing
# databases). Every migration written since depends only on its own layer or lower ones.
HISTORICAL_CROSSINGS = {
    ("home", "0004_articles"): {"locations", "treatments"},
    ("home", "0006_editorial_groups"): {"search"},
}

# Modules that still name higher apps, each for a stated reason (none today).
STRING_EXEMPT: set[str] = set()


def layer_ranks():
    """{app label: its layer, 0 at the bottom}, from the import-linter layers contract."""
    config = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
    contract = next(c for c in config["contracts"] if c["type"] == "layers")
    ranks = {}
    for rank, layer in enumerate(reversed(contract["layers"])):
        for name in re.split(r"[|:]", layer):
            ranks[name.strip().strip("()")] = rank
    return ranks


RANKS = layer_ranks()
PROJECT_APPS = [label for label in RANKS if apps.is_installed(label)]


def rank(label):
    return RANKS.get(label, -1)  # Django, Wagtail and other packages sit below every app


def project_models():
    return [model for label in PROJECT_APPS for model in apps.get_app_config(label).get_models()]


def test_the_layers_cover_every_app_of_the_project():
    assert set(PROJECT_APPS) >= {
        "home",
        "locations",
        "editorial",
        "treatments",
        "articles",
        "appointments",
        "seo",
        "search",
    }
    assert len(project_models()) > 20


def test_relations_point_to_the_same_app_or_a_lower_one():
    upward = [
        f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
        for model in project_models()
        for field in model._meta.get_fields(include_hidden=True)
        if field.concrete and field.is_relation and field.related_model is not None
        if rank(field.related_model._meta.app_label) > rank(model._meta.app_label)
    ]
    assert upward == []


def test_page_type_rules_name_only_the_same_app_or_lower_ones():
    upward = []
    for model in project_models():
        if not issubclass(model, Page):
            continue
        for attribute in ("parent_page_types", "subpage_types"):
            for target in getattr(model, attribute, None) or []:
                target_model = apps.get_model(target) if isinstance(target, str) else target
                if rank(target_model._meta.app_label) > rank(model._meta.app_label):
                    upward.append(f"{model._meta.label}.{attribute}: {target_model._meta.label}")
    assert upward == []


def model_labels_named(tree):
    """The `"app.Model"` strings and `apps.get_model("app", "Model")` calls of a module."""
    labels = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = re.fullmatch(r"(\w+)\.(\w+)", node.value)
            if match:
                labels.append(match.groups())
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "get_model"
            and len(node.args) == 2
            and all(isinstance(arg, ast.Constant) for arg in node.args)
        ):
            labels.append((node.args[0].value, node.args[1].value))
    return labels


def test_code_names_models_of_the_same_app_or_lower_ones_only():
    base = Path(settings.BASE_DIR)
    upward = []
    for label in PROJECT_APPS:
        for path in sorted((base / label).rglob("*.py")):
            relative = path.relative_to(base).as_posix()
            if "migrations" in path.parts or any(
                relative == exempt or relative.startswith(f"{exempt}/") for exempt in STRING_EXEMPT
            ):
                continue
            for app_label, model_name in model_labels_named(ast.parse(path.read_text())):
                if app_label not in RANKS or rank(app_label) <= rank(label):
                    continue
                try:
                    apps.get_model(app_label, model_name)
                except LookupError:
                    continue  # not a model label (e.g. a dotted name that only looks like one)
                upward.append(f"{relative}: {app_label}.{model_name}")
    assert upward == []


@pytest.fixture
def migration_graph(db):
    # Loading wagtail-localize's first migration reads the database.
    return MigrationLoader(None, ignore_no_migrations=True).graph


def test_migrations_depend_on_the_same_app_or_lower_ones(migration_graph):
    crossings = {}
    for key, node in migration_graph.node_map.items():
        app_label = key[0]
        if app_label not in RANKS:
            continue
        higher = {parent.key[0] for parent in node.parents if rank(parent.key[0]) > rank(app_label)}
        if higher:
            crossings[key] = higher
    assert crossings == HISTORICAL_CROSSINGS


def test_moved_models_are_added_only_after_their_old_app_let_them_go(migration_graph):
    """The migration that takes a model over depends on the one that drops it from the old
    app's state, never the other way round."""
    for new, old in (
        (
            ("articles", "0001_articles_from_home"),
            ("home", "0007_articles_and_review_task_moved_out"),
        ),
        (
            ("editorial", "0001_medical_review_task_from_home"),
            ("home", "0007_articles_and_review_task_moved_out"),
        ),
        (
            ("appointments", "0001_appointments_from_locations"),
            ("locations", "0005_appointments_moved_out"),
        ),
    ):
        assert old in migration_graph.forwards_plan(new)
        assert new not in migration_graph.forwards_plan(old)
