from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import ArticleTopic


class ArticleTopicViewSet(SnippetViewSet):
    model = ArticleTopic
    icon = "tag"
    menu_label = "Article topics"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


register_snippet(ArticleTopicViewSet)
