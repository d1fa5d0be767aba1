#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the running configuration of a 48-port top-of-rack switch, as
bench/ssh-read serves it over SSH: IOS style (48 access ports with
descriptions, PortFast and BPDU guard on most, two uplinks in
Port-Channel1, a server bond in Port-Channel10) or Junos `display set`
(the same ports as ge-0/0/0..47, RSTP edge, an ae0 bundle).

Usage: make-cli-config.py ios|junos FILE
"""
import sys


def ios():
    out = ["!", "version 15.2", "hostname leaf01", "!",
           "spanning-tree mode rapid-pvst", "spanning-tree extend system-id", "!",
           "vlan 100", " name pxe", "!"]
    for n in range(1, 49):
        out.append("interface GigabitEthernet1/0/%d" % n)
        out.append(" description srv%02d eth0" % n)
        out.append(" switchport mode access")
        out.append(" switchport access vlan 100")
        if n in (45, 46):
            out.append(" channel-group 10 mode active")
        elif n % 9 != 0:
            out.append(" spanning-tree portfast")
            out.append(" spanning-tree bpduguard enable")
        out.append("!")
    for n in (1, 2):
        out += ["interface TenGigabitEthernet1/1/%d" % n, " description uplink%d" % n,
                " switchport mode trunk", " channel-group 1 mode active", "!"]
    out += ["interface Port-channel1", " switchport mode trunk", "!",
            "interface Port-channel10", " switchport access vlan 100", "!", "end"]
    return out


def junos():
    out = ["set version 15.1R6.7", "set system host-name leaf01",
           "set chassis aggregated-devices ethernet device-count 2"]
    for n in range(48):
        port = "ge-0/0/%d" % n
        out.append("set interfaces %s description \"srv%02d eth0\"" % (port, n))
        if n in (44, 45):
            out.append("set interfaces %s ether-options 802.3ad ae0" % port)
        else:
            out.append("set interfaces %s unit 0 family ethernet-switching vlan members pxe" % port)
            if n % 9 != 0:
                out.append("set protocols rstp interface %s edge" % port)
    out += ["set interfaces ae0 aggregated-ether-options lacp active",
            "set interfaces ae0 unit 0 family ethernet-switching vlan members pxe",
            "set protocols rstp", "set vlans pxe vlan-id 100"]
    return out


def main():
    kind, path = sys.argv[1], sys.argv[2]
    lines = ios() if kind == "ios" else junos()
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
