"""The demo site: the clinic's copy in both languages as data files (`demo/content/*.toml`), its
images (`demo/images/`), the builders that turn them into pages, snippets and settings, and the
`load_demo_content` command. Nothing here needs a development package."""
