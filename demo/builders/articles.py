"""The articles section, its topics and the physicians' posts (`articles.toml`), then their
translations. Built after the conditions and treatments, which the posts link to.

The author, reviewer, dates, references, images, topics and related pages follow the first
language's posts, so the other languages' copy holds only the words.
"""

from articles.models import ArticleIndexPage, ArticlePage, ArticleTopic
from demo.content import (
    faqs,
    load,
    page_path,
    references,
    source_language,
    stream,
    translation_languages,
)
from demo.helpers import (
    Images,
    demo_locale,
    ensure_page,
    find_page,
    heading,
    link_pages,
    report_created,
    report_existing,
    require_home_page,
    resolve_stream,
)
from demo.translation import translate as translate_object


def index_words(words):
    return {
        "title": words["title"],
        "intro": link_pages(words["intro"]),
        "listing_summary": words["listing_summary"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
    }


def post_words(words, images):
    """The words of a post: what a translation translates."""
    return {
        "title": words["title"],
        "listing_title": words["listing_title"],
        "listing_summary": words["listing_summary"],
        "seo_title": words["seo_title"],
        "search_description": words["search_description"],
        "summary": words["summary"],
        "body": resolve_stream(stream(words["body"]), images),
        "faqs": resolve_stream(faqs(words["faqs"]), images),
    }


def build(command):
    """The articles section, its topics and the posts, in the demo's first language."""
    copy = load("articles")
    language = source_language()
    images = Images(command)
    heading(command, "Articles")
    home = require_home_page()
    index, _created = ensure_page(
        command,
        home,
        ArticleIndexPage,
        copy["index"]["slug"],
        show_in_menus=copy["index"]["show_in_menus"],
        listing_image=images[copy["index"]["image"]],
        **index_words(copy["index"][language]),
    )
    topics = {key: build_topic(command, topic[language]) for key, topic in copy["topics"].items()}
    # The newest first, so that an older post's links to newer ones find them.
    for post in reversed(copy["posts"]):
        image = images[post["image"]]
        ensure_page(
            command,
            index,
            ArticlePage,
            post["slug"],
            rows={
                "topic_links": [{"topic": topics[key]} for key in post["topics"]],
                "condition_links": [
                    {"condition": find_page("conditions", slug)} for slug in post["conditions"]
                ],
                "treatment_links": [
                    {"treatment": find_page("treatments", slug)} for slug in post["treatments"]
                ],
            },
            **post_words(post[language], images),
            image=image,
            listing_image=image,
            author=find_page(*page_path(post["author"])),
            reviewed_by=find_page(*page_path(post["reviewed_by"])),
            published_on=post["published_on"],
            updated_on=post.get("updated_on"),
            last_reviewed=post["last_reviewed"],
            references=references(post["references"]),
        )
    return index


def build_topic(command, words):
    locale = demo_locale()
    topic = ArticleTopic.objects.filter(locale=locale, slug=words["slug"]).first()
    if topic is not None:
        report_existing(command, "snippet", f"article topic {topic.name}")
        return topic
    topic = ArticleTopic.objects.create(locale=locale, name=words["name"], slug=words["slug"])
    report_created(command, "snippet", f"article topic {topic.name}")
    return topic


def translate(command):
    """The articles section, topics and posts in each other language, as translations of the
    first ones (after the conditions and treatments they link to)."""
    copy = load("articles")
    source = copy["index"]["slug"]
    images = Images(command)
    for language in translation_languages():
        heading(command, f"Articles in {language}")
        words = copy["index"][language]
        fields = {"slug": words["slug"], **index_words(words)}
        translate_object(command, find_page(source), fields, language)
        for topic_copy in copy["topics"].values():
            topic = ArticleTopic.objects.get(
                locale=demo_locale(), slug=topic_copy[source_language()]["slug"]
            )
            translate_object(
                command, topic, topic_copy[language], language, label=f"article topic {topic}"
            )
        for post in copy["posts"]:
            words = post[language]
            fields = {"slug": words["slug"], **post_words(words, images)}
            translate_object(command, find_page(source, post["slug"]), fields, language)
