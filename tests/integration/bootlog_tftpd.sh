# SPDX-License-Identifier: BSD-3-Clause
# Run by bootlog_lab.sh inside the server's network namespace and a mount
# namespace of its own: busybox syslogd on a private /dev/log (a tmpfs /dev
# only this namespace sees), writing to $1/tftpd.log, and tftpd-hpa (-v:
# its RRQ lines) on $2:69 serving $1/tftp, until $1/stop-tftpd exists.
set -eu
dir=$1
# Killed rather than told (the test's EXIT trap after a failure): its
# children go with it.
trap 'kill "${tftpd:-}" "${syslogd:-}" 2>/dev/null; exit 1' TERM INT
address=$2
mount --make-rprivate /
mount -t tmpfs tmpfs /dev
mknod -m 666 /dev/null c 1 3
mknod -m 666 /dev/urandom c 1 9
busybox syslogd -n -S -O "$dir/tftpd.log" &
syslogd=$!
for _ in $(seq 50); do [ -S /dev/log ] && break; sleep 0.1; done
in.tftpd -L -v -u root -s "$dir/tftp" --address "$address:69" &
tftpd=$!
touch "$dir/tftpd-ready"
while [ ! -e "$dir/stop-tftpd" ]; do sleep 0.1; done
kill "$tftpd"
wait "$tftpd" || true
sleep 0.3
kill "$syslogd"
wait "$syslogd" || true
