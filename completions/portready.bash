# SPDX-License-Identifier: BSD-3-Clause
# bash completion for portready: the commands, each command's options, the
# values of the options that take one of a fixed set (--driver, --format,
# -v, -l, -a, -x), file names where an option or operand is a file, folders
# for --save-config, and interface names for --iface.
#
# Installed as share/bash-completion/completions/portready, where
# bash-completion loads it on the first `portready <TAB>`; or source it.
# tests/integration/test_completion.sh checks that every option of every
# `portready COMMAND --help` is offered here, and nothing else.

# The options of each command, as its --help lists them.
_portready_options() {
    case $1 in
    check)
        echo --walk --config --netconf --ssh --ssh-key --password-file --known-hosts \
            --accept-new-hostkey --save-config --netconf-max-bytes --driver \
            -v -c --community-file -u -l -a -A --auth-pass-file -x -X --priv-pass-file \
            -n -t -r --expect-vlan --mac --fix --all-ports --format --verbose -q --quiet --color --stats --warning --critical --timeout-total --client -h --help
        ;;
    audit)
        echo -j --jobs --fix --all-ports --format --verbose -q --quiet --color --stats --save-config \
            --mac --repeat --warning --critical --timeout-total --client --shard -h --help
        ;;
    time)
        echo --iface --watch --switch --port --target --down-for --count --interval \
            --fixed-interval \
            --timeout --format --plot -y --yes --force \
            -v -c --community-file -u -l -a -A --auth-pass-file -x -X --priv-pass-file \
            -t -r -h --help
        ;;
    boot-log)
        echo --format -i --inventory --fix -h --help
        ;;
    dhcp-log)
        echo -m --mac -s --since -f --follow --exit-after --chainload-time --format -i --inventory --fix -h --help
        ;;
    locate)
        echo --walk --inventory --driver -j --jobs \
            -v -c --community-file -u -l -a -A --auth-pass-file -x -X --priv-pass-file \
            -n -t -r --format --fix --verbose --stats --color -h --help
        ;;
    esac
}

# Succeeds when option $2 of command $1 takes a value (the next word).
_portready_takes_value() {
    case $1:$2 in
    check:--walk | check:--config | check:--netconf | check:--ssh | check:--ssh-key | \
        check:--password-file | check:--known-hosts | check:--save-config | check:--driver | \
        check:--netconf-max-bytes | check:-n | check:--expect-vlan | check:--mac) return 0 ;;
    check:-[vculaAxXtr] | check:--community-file | check:--auth-pass-file | \
        check:--priv-pass-file | check:--format | check:--color | check:--warning | check:--critical | \
        check:--timeout-total | check:--client) return 0 ;;
    audit:-j | audit:--jobs | audit:--format | audit:--color | audit:--repeat | audit:--warning | \
        audit:--critical | audit:--timeout-total | audit:--shard | audit:--save-config | \
        audit:--mac | audit:--client) return 0 ;;
    time:--iface | time:--watch | time:--switch | time:--port | time:--target | \
        time:--down-for | time:--count | time:--interval | time:--timeout | time:--format | \
        time:--plot) return 0 ;;
    time:-[vculaAxXtr] | time:--community-file | time:--auth-pass-file | \
        time:--priv-pass-file) return 0 ;;
    boot-log:--format | boot-log:-i | boot-log:--inventory) return 0 ;;
    dhcp-log:-m | dhcp-log:--mac | dhcp-log:-s | dhcp-log:--since | dhcp-log:--exit-after | dhcp-log:--chainload-time | \
        dhcp-log:--format | dhcp-log:-i | dhcp-log:--inventory) return 0 ;;
    locate:--walk | locate:--inventory | locate:--driver | locate:-j | locate:--jobs | \
        locate:-[vculaAxXtrn] | locate:--community-file | locate:--auth-pass-file | \
        locate:--priv-pass-file | locate:--format | locate:--color) return 0 ;;
    esac
    return 1
}

# COMPREPLY: the words of $1 (a list) that start with $2, each prefixed by $3.
_portready_words() {
    local word
    COMPREPLY=()
    for word in $1; do
        [[ $word == "$2"* ]] && COMPREPLY+=("$3$word")
    done
}

# COMPREPLY: file names (and folders) starting with $1; with $2, only files
# whose name ends in one of its patterns (space-separated, such as ".yaml .yml").
_portready_files() {
    local cur=$1 suffixes=${2:-} name suffix
    COMPREPLY=()
    compopt -o filenames 2>/dev/null
    while IFS= read -r name; do
        if [ -d "$name" ] || [ -z "$suffixes" ]; then
            COMPREPLY+=("$name")
            continue
        fi
        for suffix in $suffixes; do
            if [[ $name == *"$suffix" ]]; then
                COMPREPLY+=("$name")
                break
            fi
        done
    done < <(compgen -f -- "$cur")
}

# The value of option $1 starting with $2 (each prefixed by $3 when the
# word was --option=value and = is not a word break).
_portready_value() {
    local opt=$1 cur=$2 prefix=$3
    case $opt in
    --driver) _portready_words "auto generic-snmp cisco juniper aruba ruckus mikrotik fastpath fsos tplink huawei comware dell extreme cumulus" "$cur" "$prefix" ;;
    --format)
        # check and audit write monitoring formats too; cmd is the caller's.
        case ${cmd:-} in
        check | audit) _portready_words "text json nagios prometheus" "$cur" "$prefix" ;;
        *) _portready_words "text json" "$cur" "$prefix" ;;
        esac
        ;;
    --color) _portready_words "auto always never" "$cur" "$prefix" ;;
    -v) _portready_words "1 2c 3" "$cur" "" ;;
    -l) _portready_words "noAuthNoPriv authNoPriv authPriv" "$cur" "" ;;
    -a) _portready_words "MD5 SHA SHA-224 SHA-256 SHA-384 SHA-512" "$cur" "" ;;
    -x) _portready_words "DES AES AES-192 AES-256" "$cur" "" ;;
    --iface)
        local ifaces=() path
        for path in /sys/class/net/*; do
            [ -e "$path" ] && ifaces+=("${path##*/}")
        done
        _portready_words "${ifaces[*]}" "$cur" "$prefix"
        ;;
    --plot) [ -z "$prefix" ] && _portready_files "$cur" ".svg" || COMPREPLY=() ;;
    --inventory | -i) [ -z "$prefix" ] && _portready_files "$cur" ".yaml .yml" || COMPREPLY=() ;;
    --walk | --config | --ssh-key | --password-file | --known-hosts | --community-file | \
        --auth-pass-file | --priv-pass-file)
        [ -z "$prefix" ] && _portready_files "$cur" || COMPREPLY=()
        ;;
    --save-config)
        COMPREPLY=()
        if [ -z "$prefix" ]; then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        fi
        ;;
    *) COMPREPLY=() ;; # a name, a number, a secret, a host: nothing to offer
    esac
}

_portready() {
    local cword=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]}
    local prev=
    [ "$cword" -ge 1 ] && prev=${COMP_WORDS[cword - 1]}
    COMPREPLY=()

    if [ "$cword" -le 1 ]; then
        if [[ $cur == -* ]]; then
            _portready_words "-h --help -V --version" "$cur" ""
        else
            _portready_words "check audit time dhcp-log boot-log locate help" "$cur" ""
        fi
        return 0
    fi

    local cmd=${COMP_WORDS[1]}
    if [ "$cmd" = help ]; then
        [ "$cword" -eq 2 ] && _portready_words "check audit time dhcp-log boot-log locate" "$cur" ""
        return 0
    fi
    [ -n "$(_portready_options "$cmd")" ] || return 0

    # An option's value: "--opt value", "--opt=value" with = a word break
    # (the words are --opt, =, value), or "--opt=value" as one word.
    if [ "$cur" = "=" ] && [[ $prev == --* ]]; then
        _portready_value "$prev" "" ""
        return 0
    fi
    if [ "$prev" = "=" ] && [ "$cword" -ge 3 ] && [[ ${COMP_WORDS[cword - 2]} == --* ]]; then
        _portready_value "${COMP_WORDS[cword - 2]}" "$cur" ""
        return 0
    fi
    if [[ $cur == --*=* ]]; then
        _portready_value "${cur%%=*}" "${cur#*=}" "${cur%%=*}="
        return 0
    fi
    if _portready_takes_value "$cmd" "$prev"; then
        # Unless prev was itself the value of the word before it.
        local i=2 skip=
        while [ "$i" -lt "$((cword - 1))" ]; do
            if [ -z "$skip" ] && _portready_takes_value "$cmd" "${COMP_WORDS[i]}"; then
                skip=1
            else
                skip=
            fi
            i=$((i + 1))
        done
        if [ -z "$skip" ]; then
            _portready_value "$prev" "$cur" ""
            return 0
        fi
    fi

    if [[ $cur == -* ]] || [ "$cmd" = time ]; then
        _portready_words "$(_portready_options "$cmd")" "$cur" ""
        return 0
    fi
    case $cmd in
    audit) _portready_files "$cur" ".yaml .yml" ;;
    dhcp-log | boot-log)
        _portready_files "$cur"
        [ -z "$cur" ] && COMPREPLY+=(-)
        ;;
    esac
    return 0
}

complete -F _portready portready
