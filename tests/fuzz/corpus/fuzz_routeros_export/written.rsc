# 2025-01-01 10:00:00 by RouterOS 7.16
# software id = TEST-0000
/interface bridge
add name=br0 protocol-mode=stp vlan-filtering=yes \
    forward-delay=10s
add name=br1 protocol-mode=none
/interface ethernet
set [ find default-name=ether1 ] name=uplink
set [ find default-name=ether5 ] comment="srv \"5\"" disabled=yes
set [ find default-name=ether6 ] auto-negotiation=no speed=1G-baseT-full
/interface bonding
add mode=802.3ad name=bond1 slaves=ether3,ether4
/interface bridge port
add bridge=br0 interface=uplink edge=no
add bridge=br0 interface=ether2 edge=yes-discover bpdu-guard=yes pvid=20
add bridge=br0 interface=bond1 pvid=20
add bridge=br0 interface=ether5 edge=no-discover
add bridge=br1 interface=ether6
/interface bridge vlan
add bridge=br0 tagged=br0,uplink vlan-ids=20
