/*
 * ws2ipdef.h - wsklint bundled declarations (hand-written from the public
 * Winsock documentation; not Microsoft's header).
 * IPv4/IPv6 socket options, IPv6 socket addresses and packet information.
 */
#ifndef _WSKLINT_WS2IPDEF_H
#define _WSKLINT_WS2IPDEF_H

#include <ws2def.h>
#include <in6addr.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- IPPROTO_IP level options ------------------------------------------ */
#define IP_OPTIONS                 1
#define IP_HDRINCL                 2
#define IP_TOS                     3
#define IP_TTL                     4
#define IP_MULTICAST_IF            9
#define IP_MULTICAST_TTL          10
#define IP_MULTICAST_LOOP         11
#define IP_ADD_MEMBERSHIP         12
#define IP_DROP_MEMBERSHIP        13
#define IP_DONTFRAGMENT           14
#define IP_ADD_SOURCE_MEMBERSHIP  15
#define IP_DROP_SOURCE_MEMBERSHIP 16
#define IP_BLOCK_SOURCE           17
#define IP_UNBLOCK_SOURCE         18
#define IP_PKTINFO                19
#define IP_HOPLIMIT               21
#define IP_RECVTTL                21
#define IP_RECEIVE_BROADCAST      22
#define IP_RECVIF                 24
#define IP_RECVDSTADDR            25
#define IP_IFLIST                 28
#define IP_ADD_IFLIST             29
#define IP_DEL_IFLIST             30
#define IP_UNICAST_IF             31
#define IP_RTHDR                  32
#define IP_GET_IFLIST             33
#define IP_RECVRTHDR              38
#define IP_TCLASS                 39
#define IP_RECVTCLASS             40
#define IP_RECVTOS                40
#define IP_ORIGINAL_ARRIVAL_IF    47
#define IP_ECN                    50
#define IP_PKTINFO_EX             51
#define IP_WFP_REDIRECT_RECORDS   60
#define IP_WFP_REDIRECT_CONTEXT   70
#define IP_MTU_DISCOVER           71
#define IP_MTU                    73
#define IP_NRT_INTERFACE          74
#define IP_RECVERR                75
#define IP_USER_MTU               76

#define IP_UNSPECIFIED_TYPE_OF_SERVICE -1
#define IP_DEFAULT_MULTICAST_TTL  1
#define IP_DEFAULT_MULTICAST_LOOP 1
#define IP_MAX_MEMBERSHIPS        20

/* ---- IPPROTO_IPV6 level options ---------------------------------------- */
#define IPV6_HOPOPTS              1
#define IPV6_HDRINCL              2
#define IPV6_UNICAST_HOPS         4
#define IPV6_MULTICAST_IF         9
#define IPV6_MULTICAST_HOPS      10
#define IPV6_MULTICAST_LOOP      11
#define IPV6_ADD_MEMBERSHIP      12
#define IPV6_JOIN_GROUP          IPV6_ADD_MEMBERSHIP
#define IPV6_DROP_MEMBERSHIP     13
#define IPV6_LEAVE_GROUP         IPV6_DROP_MEMBERSHIP
#define IPV6_DONTFRAG            14
#define IPV6_PKTINFO             19
#define IPV6_HOPLIMIT            21
#define IPV6_PROTECTION_LEVEL    23
#define IPV6_RECVIF              24
#define IPV6_RECVDSTADDR         25
#define IPV6_CHECKSUM            26
#define IPV6_V6ONLY              27
#define IPV6_IFLIST              28
#define IPV6_ADD_IFLIST          29
#define IPV6_DEL_IFLIST          30
#define IPV6_UNICAST_IF          31
#define IPV6_RTHDR               32
#define IPV6_GET_IFLIST          33
#define IPV6_RECVRTHDR           38
#define IPV6_TCLASS              39
#define IPV6_RECVTCLASS          40
#define IPV6_ECN                 50
#define IPV6_PKTINFO_EX          51
#define IPV6_WFP_REDIRECT_RECORDS 60
#define IPV6_WFP_REDIRECT_CONTEXT 70
#define IPV6_MTU_DISCOVER        71
#define IPV6_MTU                 72
#define IPV6_NRT_INTERFACE       74
#define IPV6_RECVERR             75
#define IPV6_USER_MTU            76

#define IP_UNSPECIFIED_HOP_LIMIT -1

#define PROTECTION_LEVEL_UNRESTRICTED 10
#define PROTECTION_LEVEL_EDGERESTRICTED 20
#define PROTECTION_LEVEL_RESTRICTED   30
#define PROTECTION_LEVEL_DEFAULT      ((UINT32)-1)

/* ---- IPPROTO_UDP level options ----------------------------------------- */
#define UDP_NOCHECKSUM              1
#define UDP_SEND_MSG_SIZE           2
#define UDP_RECV_MAX_COALESCED_SIZE 3
#define UDP_COALESCED_INFO          3
#define UDP_CHECKSUM_COVERAGE       20

/* ---- IPPROTO_TCP level options ----------------------------------------- */
#define TCP_EXPEDITED_1122             0x0002
#define TCP_KEEPALIVE                  3
#define TCP_MAXSEG                     4
#define TCP_MAXRT                      5
#define TCP_STDURG                     6
#define TCP_NOURG                      7
#define TCP_ATMARK                     8
#define TCP_NOSYNRETRIES               9
#define TCP_TIMESTAMPS                 10
#define TCP_OFFLOAD_PREFERENCE         11
#define TCP_CONGESTION_ALGORITHM       12
#define TCP_DELAY_FIN_ACK              13
#define TCP_MAXRTMS                    14
#define TCP_FASTOPEN                   15
#define TCP_KEEPCNT                    16
#define TCP_KEEPIDLE                   TCP_KEEPALIVE
#define TCP_KEEPINTVL                  17
#define TCP_FAIL_CONNECT_ON_ICMP_ERROR 18
#define TCP_ICMP_ERROR_INFO            19

/* ---- ideal send backlog ioctls (Winsock) ------------------------------- */
#define SIO_IDEAL_SEND_BACKLOG_QUERY  _IOR('t', 123, ULONG)
#define SIO_IDEAL_SEND_BACKLOG_CHANGE _IO('t', 122)

/* ---- IPv6 socket address ----------------------------------------------- */
typedef struct sockaddr_in6 {
    ADDRESS_FAMILY sin6_family;
    USHORT sin6_port;
    ULONG sin6_flowinfo;
    IN6_ADDR sin6_addr;
    union {
        ULONG sin6_scope_id;
        SCOPE_ID sin6_scope_struct;
    } DUMMYUNIONNAME;
} SOCKADDR_IN6_LH, *PSOCKADDR_IN6_LH, *LPSOCKADDR_IN6_LH;
typedef SOCKADDR_IN6_LH SOCKADDR_IN6;
typedef SOCKADDR_IN6_LH *PSOCKADDR_IN6, *LPSOCKADDR_IN6;

typedef struct sockaddr_in6_w2ksp1 {
    short sin6_family;
    USHORT sin6_port;
    ULONG sin6_flowinfo;
    struct in6_addr sin6_addr;
    ULONG sin6_scope_id;
} SOCKADDR_IN6_W2KSP1, *PSOCKADDR_IN6_W2KSP1;

typedef union _SOCKADDR_INET {
    SOCKADDR_IN Ipv4;
    SOCKADDR_IN6 Ipv6;
    ADDRESS_FAMILY si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;

typedef struct _sockaddr_in6_pair {
    PSOCKADDR_IN6 SourceAddress;
    PSOCKADDR_IN6 DestinationAddress;
} SOCKADDR_IN6_PAIR, *PSOCKADDR_IN6_PAIR;

#define IN6ADDR_ANY_INIT      { 0 }
#define IN6ADDR_LOOPBACK_INIT { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }
#define IN6ADDR_V4MAPPEDPREFIX_INIT { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, }
#define IN6ADDR_V4MAPPEDPREFIX_LENGTH 96
#define IN4ADDR_ANY           INADDR_ANY
#define IN4ADDR_LOOPBACK      0x0100007f
#define IN4ADDR_BROADCAST     INADDR_BROADCAST
#define IN4ADDR_NONE          INADDR_NONE
#define IN4ADDR_LOOPBACKPREFIX_LENGTH 8

extern CONST SCOPE_ID scopeid_unspecified;
extern CONST IN_ADDR in4addr_any;
extern CONST IN_ADDR in4addr_loopback;
extern CONST IN_ADDR in4addr_broadcast;
extern CONST IN6_ADDR in6addr_any;
extern CONST IN6_ADDR in6addr_loopback;
extern CONST IN6_ADDR in6addr_v4mappedprefix;

#define INET_ADDRSTRLEN  22
#define INET6_ADDRSTRLEN 65

/* ---- packet information ------------------------------------------------ */
typedef struct in_pktinfo {
    IN_ADDR ipi_addr;
    ULONG ipi_ifindex;
} IN_PKTINFO, *PIN_PKTINFO;

typedef struct in6_pktinfo {
    IN6_ADDR ipi6_addr;
    ULONG ipi6_ifindex;
} IN6_PKTINFO, *PIN6_PKTINFO;

typedef struct in_pktinfo_ex {
    IN_PKTINFO pkt_info;
    SCOPE_ID scope_id;
} IN_PKTINFO_EX, *PIN_PKTINFO_EX;

typedef struct in6_pktinfo_ex {
    IN6_PKTINFO pkt_info;
    SCOPE_ID scope_id;
} IN6_PKTINFO_EX, *PIN6_PKTINFO_EX;

typedef struct ip_mreq {
    IN_ADDR imr_multiaddr;
    IN_ADDR imr_interface;
} IP_MREQ, *PIP_MREQ;

typedef struct ip_mreq_source {
    IN_ADDR imr_multiaddr;
    IN_ADDR imr_sourceaddr;
    IN_ADDR imr_interface;
} IP_MREQ_SOURCE, *PIP_MREQ_SOURCE;

typedef struct ipv6_mreq {
    IN6_ADDR ipv6mr_multiaddr;
    ULONG ipv6mr_interface;
} IPV6_MREQ, *PIPV6_MREQ;


#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_WS2IPDEF_H */
