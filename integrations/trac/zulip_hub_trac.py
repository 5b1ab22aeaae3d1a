# -*- coding: utf-8 -*-
"""Zulip Hub notifications for Trac tickets.

A Trac component (ITicketChangeListener) that POSTs each ticket creation, change and deletion
as JSON to Zulip Hub's Trac webhook, which renders the message (topic "#id: summary").

Install: copy this file into your Trac environment's plugins/ directory, then in trac.ini:

    [components]
    zulip_hub_trac.* = enabled

    [zulip_hub]
    # The webhook URL shown on Zulip Hub's /integrations page for your bot.
    webhook_url = https://chat.example.com/api/v1/external/trac?api_key=KEY&stream=trac
    # Ticket changes are sent only when one of these fields (or a comment) changed.
    notify_fields = description,summary,resolution,comment,owner
    # Seconds to wait for Zulip Hub before giving up on a notification.
    timeout = 10

Works with Trac 1.0+ on Python 2.7 and Trac 1.4+/1.6 on Python 3.
"""

import json

try:  # Python 3
    from urllib.request import Request, urlopen
except ImportError:  # Python 2
    from urllib2 import Request, urlopen

from trac.core import Component, implements
from trac.config import IntOption, ListOption, Option
from trac.ticket.api import ITicketChangeListener

USER_AGENT = "ZulipHubTrac/1.0"


class ZulipHubTicketNotifier(Component):
    """Sends Trac ticket events to a Zulip Hub stream."""

    implements(ITicketChangeListener)

    webhook_url = Option(
        "zulip_hub", "webhook_url", "", doc="Zulip Hub Trac webhook URL, including api_key."
    )
    notify_fields = ListOption(
        "zulip_hub",
        "notify_fields",
        "description,summary,resolution,comment,owner",
        doc="Ticket fields whose change is announced; 'comment' covers new comments.",
    )
    timeout = IntOption("zulip_hub", "timeout", 10, doc="HTTP timeout in seconds.")

    # ITicketChangeListener

    def ticket_created(self, ticket):
        self._send({"event": "ticket_created", "ticket": self._ticket(ticket)})

    def ticket_changed(self, ticket, comment, author, old_values):
        notify = set(self.notify_fields)
        changed = [field for field in old_values if field in notify]
        commented = bool(comment) and "comment" in notify
        if not changed and not commented:
            return
        changes = dict(
            (field, {"old": old_values.get(field) or "", "new": ticket.values.get(field) or ""})
            for field in changed
        )
        self._send(
            {
                "event": "ticket_changed",
                "ticket": self._ticket(ticket),
                "author": author,
                "comment": comment if commented else None,
                "changes": changes,
            }
        )

    def ticket_deleted(self, ticket):
        self._send({"event": "ticket_deleted", "ticket": self._ticket(ticket)})

    def ticket_comment_modified(self, ticket, cdate, author, comment, old_comment):
        pass  # Edits of earlier comments are not announced.

    def ticket_change_deleted(self, ticket, cdate, changes):
        pass  # Deleting a change from the history is not announced.

    # Helpers

    def _ticket(self, ticket):
        values = ticket.values
        return {
            "id": ticket.id,
            "url": self.env.abs_href.ticket(ticket.id),
            "summary": values.get("summary") or "",
            "reporter": values.get("reporter") or "",
            "owner": values.get("owner") or "",
            "component": values.get("component") or "",
            "priority": values.get("priority") or "",
            "status": values.get("status") or "",
            "description": values.get("description") or "",
        }

    def _send(self, document):
        if not self.webhook_url:
            self.log.warning("zulip_hub: webhook_url is not set in trac.ini; nothing sent")
            return
        data = json.dumps(document).encode("utf-8")
        request = Request(
            self.webhook_url,
            data=data,
            headers={"Content-Type": "application/json", "User-Agent": USER_AGENT},
        )
        try:
            response = urlopen(request, timeout=self.timeout)
            response.read()
        except Exception as error:  # A chat outage must never break ticket editing.
            self.log.error("zulip_hub: could not notify %s: %s", self._safe_url(), error)

    def _safe_url(self):
        # Never write the API key to Trac's log.
        return self.webhook_url.split("?", 1)[0]
