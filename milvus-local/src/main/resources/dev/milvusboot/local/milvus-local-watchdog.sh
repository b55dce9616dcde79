# milvus-local watchdog: runs a server and ends its whole process tree once the JVM that started it is gone.
# Usage: sh milvus-local-watchdog.sh <grace-seconds> <server command...>
# The JVM holds the write end of this script's standard input; the pipe reaches end-of-file when the JVM closes it
# or dies in any way (SIGKILL included). The server then gets SIGTERM, and SIGKILL after the grace period, with all
# its descendants (found with ps, or /proc where ps is missing). Exits with the server's exit code.
grace=$1
shift
exec 3<&0 </dev/null
"$@" 3<&- &
server=$!
tree() {
	if command -v ps >/dev/null 2>&1; then
		ps -A -o pid= -o ppid=
	else
		for f in /proc/[0-9]*/stat; do
			s=$(cat "$f" 2>/dev/null) || continue
			p=${f#/proc/}
			set -- ${s##*) }
			echo "${p%/stat} $2"
		done
	fi | awk -v root="$1" '{ kids[$2] = kids[$2] " " $1 }
		END { n = 1; todo[1] = root; for (i = 1; i <= n; i++) { printf "%s ", todo[i]; m = split(kids[todo[i]], k, " "); for (j = 1; j <= m; j++) todo[++n] = k[j] } }'
}
(
	while read -r _ <&3; do :; done
	pids=$(tree "$server")
	kill -TERM $pids 2>/dev/null
	i=0
	while [ "$i" -lt $((grace * 5)) ]; do
		alive=
		for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
		[ -z "$alive" ] && exit 0
		sleep 0.2 2>/dev/null || sleep 1
		i=$((i + 1))
	done
	kill -KILL $pids 2>/dev/null
) &
wait "$server"
