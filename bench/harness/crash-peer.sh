#!/bin/sh
# A bench.js peer that is started again whenever it dies, on the same SQLite file ($CRASH_DIR/tamkeen.db), so a
# kill -9 under the harness's load is a crash and a restart, as under systemd's Restart=always.
# Otherwise as ../shared/bench/peers/tamkeen.sh: Telegram webhook mode against the harness's fake Bot API.
set -e
: "${TAMKEEN_HOST_DIR:?set TAMKEEN_HOST_DIR to a folder with a published Tamkeen.Host.dll}"
: "${CRASH_DIR:?set CRASH_DIR to a folder that outlives the run}"
export ConnectionStrings__Tamkeen="Data Source=$CRASH_DIR/tamkeen.db"
export Attachments__Path="$CRASH_DIR/attachments"
export Telegram__BotToken=123456:TEST-TOKEN
export Telegram__ApiBaseUrl="$API_ROOT"
export Telegram__WebhookUrl=https://bench.local/telegram/webhook
export Telegram__SecretToken=s3cret
export Dispatch__Telegram__PerSecond=10000
export Dispatch__Telegram__PerRecipientPerSecond=0
cd "$CRASH_DIR"
while :; do
  dotnet "$TAMKEEN_HOST_DIR/Tamkeen.Host.dll" --urls "http://$HOST:$PORT" >> "$CRASH_DIR/service.log" 2>&1 || true
  echo "--- restart $(date -u +%FT%T.%3NZ)" >> "$CRASH_DIR/service.log"
done
