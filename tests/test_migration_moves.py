"""Moving models between apps keeps their tables and rows: a database in the state `main` left it
(articles and the review task in `home`, appointment requests in `locations`), with a row of each
moved model and what refers to them (pages, a revision, a translation source, a workflow task,
a permission), is migrated forward, back and forward again (tests/migration_moves.py).

It runs in a process of its own on a fresh database of the same engine as the suite's: a file
beside the test on SQLite, `<test database>_moves` on PostgreSQL (made and dropped here)."""

MOVED_TABLES = [
    "appointments_appointmentrequest",
    "appointments_appointmentrequestpage",
    "articles_articlecondition",
    "articles_articleindexpage",
    "articles_articlepage",
    "articles_articletopic",
    "articles_articletopiclink",
    "articles_articletreatment",
    "editorial_medicalreviewtask",
    "editorial_medicalreviewtask_groups",
]


def test_moved_models_keep_their_rows_types_and_references(run_on_fresh_database):
    report = run_on_fresh_database("tests.migration_moves")

    for state in (report["forwards"], report["forwards_again"]):
        # Each page is still of its own type, now in its new app, and its content type says so.
        assert state["pages"] == {label: label for label in state["pages"]}
        assert set(state["page_content_types"].values()) == {"articles", "appointments"}
        assert all(state["rows"].values()), state["rows"]
        assert state["article"] == {
            "summary": "S.",
            "topics": ["Migraine"],
            "conditions": ["Chronic migraine"],
            "treatments": ["Ketamine infusion"],
        }
        # The article's revision and its wagtail-localize source give back an article.
        assert state["revision"] == "articles.ArticlePage"
        assert state["translation_source"] == "articles.ArticlePage"
        # The workflow task keeps its groups; the reviewers keep their permission.
        assert state["task"] == {
            "type": "editorial.MedicalReviewTask",
            "groups": ["Medical reviewers"],
        }
        assert state["review_permission"] == ["editorial.record_medical_review"]
        assert state["content_types_left_behind"] == []
        # The moved tables carry their new apps' names (later migrations add tables of their own
        # beside them) and none keeps its old one.
        assert set(MOVED_TABLES) <= set(state["tables"])
        assert not [table for table in state["tables"] if table.startswith(("home_", "locations_"))]
    # Undone, the tables take their old names again.
    assert report["tables_after_undoing"] == sorted(
        table.replace("articles_", "home_")
        .replace("editorial_", "home_")
        .replace("appointments_", "locations_")
        for table in MOVED_TABLES
    )
