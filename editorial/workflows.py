"""What a finished medical review publishes.

Wagtail imports `publish_approved_revision` (setting `WAGTAIL_FINISH_WORKFLOW_ACTION`) while it
defines its own models, so this module imports no models.
"""


def approved_revision(task_state, user):
    """The revision a reviewer approves: the one submitted to their task, or, when they corrected
    it themselves while approving ("Approve with changes"), their own later revision. A draft
    saved by anyone else after the submission (an editor's further edits, a translation sync) is
    not what they reviewed and stays a draft."""
    latest = task_state.workflow_state.content_object.get_latest_revision()
    if (
        latest is not None
        and latest.pk != task_state.revision_id
        and user is not None
        and latest.user_id == user.pk
        and latest.created_at >= task_state.started_at
    ):
        return latest
    return task_state.revision


def publish_approved_revision(workflow_state, user=None):
    """`WAGTAIL_FINISH_WORKFLOW_ACTION`: publish the revision the last task approved. (Wagtail's
    default publishes the latest revision, which may be a draft nobody reviewed.)"""
    approved_revision(workflow_state.current_task_state, user).publish(user=user)
