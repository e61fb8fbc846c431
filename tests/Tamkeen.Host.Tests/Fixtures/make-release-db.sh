#!/usr/bin/env bash
# Builds the release database fixture (see README.md here): runs the service of a release in a temporary git
# worktree and leaves people in the middle of conversations by talking to it over the website chat API.
# Usage: make-release-db.sh [release commit] [output .db]
set -euo pipefail

release=${1:-2e02148241e8eff86914030766cb2c16148f4817}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${2:-$here/release-${release:0:7}.db}
repo=$(git -C "$here" rev-parse --show-toplevel)
work=$(mktemp -d)
tree=$work/release
db=$work/tamkeen.db
token=$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')   # 40 characters, used only by this run
pid=

cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  git -C "$repo" worktree remove --force "$tree" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

git -C "$repo" worktree add --detach "$tree" "$release" >/dev/null
dotnet build "$tree/src/Tamkeen.Host" -nologo -v quiet

# A clean environment, so that no Telegram/Twilio/Staff settings of the caller reach the service; port 0 lets the
# kernel pick a free port, which the service logs.
env -i HOME="$HOME" PATH="$PATH" ${DOTNET_ROOT:+DOTNET_ROOT="$DOTNET_ROOT"} DOTNET_NOLOGO=1 \
  dotnet run --no-build --no-launch-profile --project "$tree/src/Tamkeen.Host" -- \
  --urls http://127.0.0.1:0 --ConnectionStrings:Tamkeen="Data Source=$db" --Staff:ApiTokens:fixture="$token" \
  >"$work/service.log" 2>&1 &
pid=$!
base=
for _ in $(seq 120); do
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; echo "the service stopped" >&2; exit 1; }
  base=$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$work/service.log" | head -1 | sed 's/Now listening on: //') || true
  [[ -n $base ]] && curl -fsS "$base/health" >/dev/null 2>&1 && break
  base=; sleep 0.5
done
[[ -n $base ]] || { cat "$work/service.log"; echo "the service did not become healthy" >&2; exit 1; }

# Each person is a fixed web chat session id (the cookie's value), so the fixture's addresses are known in advance.
bot_lines() { curl -fsS -b "tamkeen_chat=$1" "$base/chat/history" | { grep -o '"from":"bot"' || true; } | wc -l; }

wait_for_reply() {   # <session> <bot lines before>
  for _ in $(seq 200); do
    (( $(bot_lines "$1") > $2 )) && return 0
    sleep 0.1
  done
  echo "no reply for session $1" >&2; exit 1
}

sent=0
say() {   # <session> <text>...: each text is posted once the reply to the one before is stored
  local session=$1 text before; shift
  for text in "$@"; do
    before=$(bot_lines "$session")
    sent=$((sent + 1))
    curl -fsS -o /dev/null -b "tamkeen_chat=$session" -H 'content-type: application/json' \
      -d "{\"id\":\"m$sent\",\"text\":\"$text\"}" "$base/chat/messages"
    wait_for_reply "$session" "$before"
  done
}

session() { printf '%032d' "$1"; }

# A: request "new-family" (service 1), name and ID given, asked for the mobile.
say "$(session 1)" "مرحبا" 2 1 "نورة محمد العتيبي" 1000000008
# A2: request "food-basket" (service 2), description skipped, editing the city (field 4) from the summary.
say "$(session 2)" "مرحبا" 2 2 "سارة عبدالله القحطاني" 1012345672 0551234567 "عنيزة" 4 "تخطي" 2 4
# A3: request "new-family" with every field answered, at the summary.
say "$(session 3)" "مرحبا" 2 1 "خالد سعد الحربي" 1023456781 "+966 50 765 4321" "بريدة" 6 3500 "الأب متوفى والأم لا تعمل"
# B: a guide question answered, asked whether it helped.
say "$(session 4)" "مرحبا" 1 "وش الاوراق المطلوبه للتسجيل"
# B2: a vague question, offered suggestions.
say "$(session 5)" "مرحبا" 1 "ابي مساعده"
# C: request "rent-support" (service 3) submitted; staff then ask for information.
say "$(session 6)" "مرحبا" 2 3 "فهد ناصر الدوسري" 1034567899 0509876543 "الرس" 4 2800 "تأخر سداد الإيجار ثلاثة أشهر" 1
reference=$(curl -fsS -b "tamkeen_chat=$(session 6)" "$base/chat/history" | grep -oE 'TMK-[0-9]{4}-[0-9]{5}' | tail -1)
before=$(bot_lines "$(session 6)")
curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"status":"NeedsInformation","note":"يرجى إرسال صورة الهوية"}' "$base/api/staff/requests/$reference/status"
wait_for_reply "$(session 6)" "$before"
# D: a suggestion sent; D2: a complaint sent.
say "$(session 7)" "مرحبا" 5 1 "أقترح إضافة مواعيد مسائية لاستقبال المراجعين"
say "$(session 8)" "مرحبا" 5 2 "تأخر الرد على طلبي أكثر من أسبوعين"
# E: at the main menu after the welcome; F: switched to English at the main menu.
say "$(session 9)" "مرحبا"
say "$(session 10)" "English"
# G: chose a complaint, asked for its text.
say "$(session 11)" "مرحبا" 5 2

# A clean stop closes the last connection, which checkpoints the WAL into the .db file and deletes it. SIGTERM, not
# SIGINT: a background job of a non-interactive shell ignores SIGINT. dotnet run passes it on to the service.
kill -TERM "$pid"
for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then echo "the service did not stop" >&2; exit 1; fi
wait "$pid" || true; pid=
if [[ -s $db-wal ]]; then echo "$db-wal is not empty after the service stopped" >&2; exit 1; fi

if command -v sqlite3 >/dev/null; then
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  states=$(sqlite3 "$db" "select group_concat(State, ' ') from (select State from Conversations order by BeneficiaryId);")
  expected="RequestField RequestField RequestSummary AnswerFeedback Suggestions RequestInformation MainMenu MainMenu MainMenu MainMenu FeedbackText"
  [[ $states == "$expected" ]] || { echo "unexpected states: $states" >&2; exit 1; }
fi

mkdir -p "$(dirname "$out")"
rm -f "$out-wal" "$out-shm"
cp "$db" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes) from $release"

if command -v sqlite3 >/dev/null; then
  sqlite3 -header "$out" \
    "select i.Address as Session, c.BeneficiaryId, c.State, c.Language, c.RequestServiceId, c.RequestField, c.RequestAnswersJson,
            c.PendingQuestion, c.GuideEntryIds, c.FollowUpReference
     from Conversations c join ChannelIdentities i on i.BeneficiaryId = c.BeneficiaryId order by c.BeneficiaryId;" \
    "select BeneficiaryId, PendingFeedbackKind, QuestionLanguage, RequestTries, RequestEditing, RequestAttachmentsJson from Conversations order by BeneficiaryId;" \
    "select Id, Reference, BeneficiaryId, Kind, Text from Feedback order by Id;" \
    "select Id, Reference, BeneficiaryId, ServiceId, Status, NationalId, City, AnswersJson from ServiceRequests order by Id;"
fi
