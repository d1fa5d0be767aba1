#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes a saved configuration of N front-panel ports in one dialect's
syntax, each port with the statement that makes it an edge port, for
dialect-scale: cisco (IOS), aruba (AOS-CX), procurve (ArubaOS-Switch), dell
(OS10), huawei (VRP), comware, ruckus (FastIron), fastpath (EFOS), fsos,
tplink, extreme (EXOS), mikrotik (RouterOS). Names repeat past what the
dialect's numbering holds (fastpath, extreme: 48 x 48), and a dialect with
a per-file interface cap refuses past it: both are what the bench shows.

Usage: make-dialect-config.py DIALECT N > FILE
"""
import sys
d, n = sys.argv[1], int(sys.argv[2])
o = []
def nm(i, a=48): return (i // a // a + 1, i // a % a + 1, i % a + 1)
if d == 'cisco':
    o += ['hostname sw', 'spanning-tree mode rapid-pvst']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface GigabitEthernet{a}/{b}/{c}', ' switchport mode access', ' spanning-tree portfast', '!']
elif d == 'aruba':
    o += ['hostname sw', 'spanning-tree']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface {a}/{b}/{c}', '    no shutdown', '    spanning-tree port-type admin-edge', '    vlan access 10']
elif d == 'dell':
    o += ['OS10', 'spanning-tree mode rstp']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface ethernet{a}/{b}/{c}', ' no shutdown', ' spanning-tree port type edge', '!']
elif d == 'huawei':
    o += ['!Software Version V200R011C10SPC600', '#', 'sysname sw', '#', 'stp mode rstp', '#']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface GigabitEthernet{a}/{b}/{c}', ' port link-type access', ' stp edged-port enable', '#']
elif d == 'comware':
    o += ['#', ' version 7.1.070, Release 3507P18', '#', ' sysname sw', '#', ' stp mode rstp', '#']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface GigabitEthernet{a}/{b}/{c}', ' port link-type access', ' stp edged-port', '#']
elif d == 'ruckus':
    o += ['ver 08.0.90', 'spanning-tree 802-1w']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface ethernet {a}/{b}/{c}', ' spanning-tree 802-1w admin-edge-port', '!']
elif d == 'fastpath':
    o += ['!System Description "EFOS"', 'vlan database', 'vlan participation include 1']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface {b}/{c}', 'spanning-tree edgeport', 'exit']
elif d == 'fsos':
    o += ['! Fiberstore Co., Limited']
    for i in range(n):
        a,b,c = nm(i, 300); o += [f'interface GigaEthernet{b}/{c}', ' spanning-tree portfast', '!']
elif d == 'tplink':
    o += ['serial_port baud_rate 38400', 'system-time ntp UTC+08:00', 'user name admin']
    for i in range(n):
        a,b,c = nm(i); o += [f'interface gigabitEthernet {a}/{b}/{c}', '  spanning-tree common-config portfast enable', '#']
elif d == 'extreme':
    o += ['# Module vlan configuration.', 'create vlan "v10"', 'configure vlan v10 tag 10', '# Module stp configuration.', 'configure stpd s0 mode dot1w']
    for i in range(n):
        a,b,c = nm(i); o += [f'configure vlan v10 add ports {b}:{c} untagged', f'configure stpd s0 ports link-type edge {b}:{c}']
elif d == 'mikrotik':
    o += ['# dec/01/2026 by RouterOS 7.10.1', '/interface bridge', 'add name=bridge1 protocol-mode=rstp', '/interface bridge port']
    for i in range(n):
        o += [f'add bridge=bridge1 interface=ether{i+1} edge=yes']
elif d == 'procurve':
    o += ['; J9729A Configuration Editor; Created on release #WC.16.10.0009', '; Ver #14:67', 'hostname "sw"', 'spanning-tree']
    for i in range(n):
        o += [f'interface {i+1}', '   name "srv"', '   exit']
print('\n'.join(o))
