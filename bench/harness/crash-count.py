"""What a kill -9 under the harness's load lost or doubled: the harness's counts beside the service's SQLite file."""
import json, sqlite3, sys

db_file, run_file, log_file = sys.argv[1:4]
run = json.load(open(run_file))
db = sqlite3.connect(db_file)
one = lambda sql: db.execute(sql).fetchone()[0]

acknowledged = run["http_status"].get("200", 0)
sent_to_telegram = run["fake_api_calls"].get("sendMessage", 0)
stored = one("select count(*) from Inbox")
unprocessed = one("select count(*) from Inbox where ProcessedAt is null")
# NOT IN reads the replies' inbox ids once; a correlated NOT EXISTS scanned the outbox for every update (no index on
# InboxMessageId: the service never looks a reply up by it alone), minutes for a 50,000-update run.
without_reply = one("select count(*) from Inbox where Id not in (select InboxMessageId from Outbox where InboxMessageId is not null)")
replies = one("select count(*) from Outbox")
sent = one("select count(*) from Outbox where SentAt is not null")
interrupted = one("select count(*) from Outbox where InterruptedSends > 0")
carried = one("select count(*) from Outbox where Route = 'webhook-reply'")
left = replies - sent
restarts = open(log_file, encoding="utf-8").read().count("--- restart")

print(f"harness: {acknowledged} updates answered 200, {run['errors']['post']} posts refused or cut off (Telegram would post them again), "
      f"{run['errors']['wrong_replies']} wrong replies, {run['errors']['unsolicited']} unsolicited, {run['errors']['late_replies']} late; "
      f"{sent_to_telegram} sendMessage calls; {run['updates_per_s']} updates/s")
print(f"service: {restarts} restart(s); {stored} updates stored, {unprocessed} not processed, {without_reply} without a reply; "
      f"{replies} replies, {sent} recorded sent ({carried} in the webhook answer), {left} not sent; {interrupted} cut off by the kill and sent again")
lost = max(0, acknowledged - stored) + unprocessed + without_reply + left
doubled = max(0, sent_to_telegram - sent)
# A reply committed as carried in a webhook answer that the kill cut off never arrived here; Telegram, which posts an
# unanswered update again (the harness does not), would get it in the answer to that repeat (TelegramWebhookTests).
cut_off_answers = max(0, sent - sent_to_telegram)
print(f"carried in answers the kill cut off: {cut_off_answers} (Telegram posts those updates again and gets the same reply)")
print(f"lost: {lost} (acknowledged but not stored, stored but not processed or not answered, not sent)")
print(f"doubled: {doubled} (sendMessage calls beyond the replies recorded sent; at most the {interrupted} cut off)")
sys.exit(1 if lost or doubled > interrupted or cut_off_answers > run["errors"]["post"] else 0)
