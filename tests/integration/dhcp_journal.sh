# SPDX-License-Identifier: BSD-3-Clause
# Run by test_dhcplog_servers.sh inside the server's network namespace and a
# mount namespace of its own: a private systemd-journald (its sockets and
# files on tmpfs mounts that only this namespace sees, /dev/log a link to its
# syslog socket on a private /dev), and dnsmasq logging to syslog as it does
# under systemd. Runs until $1/stop exists, then writes the journal as
# journalctl -o json and -o short-iso to $1.
set -eu
dir=$1
bridge=$2
mount --make-rprivate /
mount -t tmpfs tmpfs /run
# ip netns exec mounts a fresh /sys without the cgroup tree journald needs.
mountpoint -q /sys/fs/cgroup || mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount -t tmpfs tmpfs /var/log/journal
mount -t tmpfs tmpfs /dev
mknod -m 666 /dev/null c 1 3
mknod -m 666 /dev/urandom c 1 9
mkdir -p /run/systemd/journal /run/log/journal
ln -s /run/systemd/journal/dev-log /dev/log
/lib/systemd/systemd-journald &
journald=$!
for _ in $(seq 50); do [ -S /run/systemd/journal/dev-log ] && break; sleep 0.1; done
dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 --interface="$bridge" \
    --bind-interfaces --dhcp-range=10.77.0.50,10.77.0.50,1h --dhcp-leasefile="$dir/journal.leases" \
    -u root -g root &
dnsmasq=$!
touch "$dir/ready"
while [ ! -e "$dir/stop" ]; do sleep 0.1; done
kill "$dnsmasq"
wait "$dnsmasq" || true
sleep 0.5
journalctl -D /run/log/journal -o json >"$dir/journal.json"
journalctl -D /run/log/journal -o short-iso >"$dir/journal.short-iso"
kill "$journald"
wait "$journald" || true
