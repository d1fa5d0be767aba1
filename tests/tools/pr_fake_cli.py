#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""A switch CLI for OpenSSH's sshd to run as its ForceCommand, so --ssh is
proven against an SSH server nobody here wrote (tests/integration/
test_ssh_openssh.sh). Python's standard library only.

Usage (as ForceCommand): pr_fake_cli.py VENDOR CONFIG [ignore-paging]

VENDOR is junos or ios. On an exec channel (sshd sets SSH_ORIGINAL_COMMAND)
the command runs and the process exits, as Junos does. In a shell the
pseudo-terminal is put in raw mode and the script is the terminal's CLI:
it echoes what is typed, writes its prompt, answers `show version`, pages
every 20 lines with the vendor's pager until the paging-off command (or
always with ignore-paging), and answers anything else with the vendor's
refusal.
"""
import os
import sys
import termios
import tty

PERSONAS = {
    "junos": {
        "prompt": b"alice@e1-1> ",
        "above": b"\r\n{master:0}\r\n",
        "motd": b"--- JUNOS 15.1R6.7 built 2017-07-21 15:22:54 UTC\r\n",
        "paging_off": b"set cli screen-length 0",
        "quiet": [b"set cli screen-width 0"],
        "show": [b"show configuration | display set", b"show configuration"],
        "head": b"",
        "pager": b"---(more)---",
        "erase": b"\r            \r",
        "refusal": b"                  ^\r\nunknown command.\r\n",
        "version": b"Hostname: e1-1\r\nModel: ex2200-48t-4g\r\nJunos: 15.1R6.7\r\n",
    },
    "ios": {
        "prompt": b"sw1#",
        "above": b"",
        "motd": b"\r\n",
        "paging_off": b"terminal length 0",
        "quiet": [],
        "show": [b"show running-config"],
        "head": b"Building configuration...\r\n\r\nCurrent configuration : 4096 bytes\r\n",
        "pager": b" --More-- ",
        "erase": b"\b" * 10 + b" " * 10 + b"\b" * 10,
        "refusal": b"      ^\r\n% Invalid input detected at '^' marker.\r\n\r\n",
        "version": b"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E2\r\n",
    },
}


def main():
    vendor, path = sys.argv[1], sys.argv[2]
    ignore_paging = len(sys.argv) > 3 and sys.argv[3] == "ignore-paging"
    p = PERSONAS[vendor]
    lines = open(path, "rb").read().replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    command = os.environ.get("SSH_ORIGINAL_COMMAND")
    if command is not None:
        if command.encode() in p["show"]:
            sys.stdout.buffer.write(b"\n".join(lines) + b"\n")
            return 0
        sys.stderr.write("error: unknown command: %s\n" % command)
        return 1

    fd_in, fd_out = sys.stdin.fileno(), sys.stdout.fileno()
    saved = termios.tcgetattr(fd_in)
    tty.setraw(fd_in)

    def write(data):
        os.write(fd_out, data)

    def getc():
        data = os.read(fd_in, 1)
        if not data:
            raise EOFError
        return data

    try:
        paging = True
        write(p["motd"])
        while True:
            write(p["above"] + p["prompt"])
            line = b""
            while True:
                ch = getc()
                if ch in (b"\r", b"\n"):
                    write(b"\r\n")
                    break
                if ch in (b"\x7f", b"\b"):
                    if line:
                        line = line[:-1]
                        write(b"\b \b")
                    continue
                line += ch
                write(ch)
            if line in (b"exit", b"quit"):
                return 0
            if line == b"":
                continue
            if line == p["paging_off"]:
                paging = False
            elif line in p["quiet"]:
                pass
            elif line == b"show version":
                write(p["version"])
            elif line in p["show"]:
                write(p["head"])
                for n, text in enumerate(lines, 1):
                    write(text + b"\r\n")
                    if (paging or ignore_paging) and n % 20 == 0 and n < len(lines):
                        write(p["pager"])
                        key = getc()
                        write(p["erase"])
                        if key == b"q":
                            break
            else:
                write(p["refusal"])
    except EOFError:
        return 0
    finally:
        termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)


if __name__ == "__main__":
    sys.exit(main())
