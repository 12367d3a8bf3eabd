/*
 * in6addr.h - wsklint bundled declarations (hand-written).
 * IPv6 address structure.
 */
#ifndef _WSKLINT_IN6ADDR_H
#define _WSKLINT_IN6ADDR_H

typedef struct in6_addr {
    union {
        unsigned char Byte[16];
        unsigned short Word[8];
    } u;
} IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;

#define in_addr6  in6_addr
#define _S6_un    u
#define _S6_u8    Byte
#define s6_addr   _S6_un._S6_u8
#define s6_bytes  u.Byte
#define s6_words  u.Word

#endif /* _WSKLINT_IN6ADDR_H */
