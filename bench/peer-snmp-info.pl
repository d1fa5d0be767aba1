#!/usr/bin/perl
# SPDX-License-Identifier: BSD-3-Clause
# One switch read with SNMP::Info (Netdisco's library) for bench/peers-scale:
# each scalar of bench/peer-oids.py as one of its globals, each column as
# one of its table methods. The objects are named as MIB_DIR's
# PORTREADY-BENCH-PEER-MIB names them (po1x, po2x, ... in the order of
# OIDS_FILE, bench/peers-scale writes both), so net-snmp splits each
# column's OID from its index as it does with the real MIBs. Prints how
# many values it read.
#
# Usage: peer-snmp-info.pl HOST PORT COMMUNITY TIMEOUT_S OIDS_FILE MIB_DIR
use strict;
use warnings;

# No MIB module but the bench's own is loaded.
BEGIN { $ENV{MIBS} = ''; }

# A class of its own (SNMP::Info dispatches only to classes under its name)
# with the bench's MIB, its globals and table methods filled from OIDS_FILE.
package SNMP::Info::BenchPeer;
use SNMP::Info;
our @ISA = ('SNMP::Info');
our ( %MIBS, %GLOBALS, %FUNCS, %MUNGE, $INIT );

package main;

my ( $host, $port, $community, $timeout, $oids_file, $mib_dir ) = @ARGV;
die "usage: peer-snmp-info.pl HOST PORT COMMUNITY TIMEOUT_S OIDS_FILE MIB_DIR\n"
    unless defined $mib_dir;
%SNMP::Info::BenchPeer::MIBS = ( 'PORTREADY-BENCH-PEER-MIB' => "po1x" );
open my $fh, '<', $oids_file or die "peer-snmp-info.pl: $oids_file: $!\n";
my ( @globals, @funcs );
while (<$fh>) {
    my ($kind) = split;
    my $name = "po$.x"; # not ending in a digit: SNMP::Info adds .0 to a global
    if ( $kind eq 'scalar' ) {
        $SNMP::Info::BenchPeer::GLOBALS{$name} = $name;
        push @globals, $name;
    }
    else {
        $SNMP::Info::BenchPeer::FUNCS{$name} = $name;
        push @funcs, $name;
    }
}
close $fh;

my $info = SNMP::Info::BenchPeer->new(
    AutoSpecify       => 0,
    DestHost          => $host,
    RemotePort        => $port,
    Community         => $community,
    Version           => 2,
    BulkWalk          => 1,
    Timeout           => $timeout * 1_000_000,
    Retries           => 1,
    IgnoreNetSNMPConf => 1,
    MibDirs           => [$mib_dir],
    Debug             => $ENV{PEER_DEBUG} || 0,
) or die "peer-snmp-info.pl: $community: cannot reach $host:$port\n";
my $values = 0;
for my $g (@globals) {
    $values++ if defined $info->$g();
}
for my $f (@funcs) {
    my $rows = $info->$f();
    $values += scalar keys %$rows if ref $rows eq 'HASH';
}
print "$community $values\n";
