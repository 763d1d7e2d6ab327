// Shared by optim_avx2_amd64.s and optim_avx512_amd64.s: the steps of the
// optimizer updates, each operation its own instruction in the order of the
// generic Go loop (never an FMA). They take ymm or zmm registers alike; the
// including file defines the scalars' registers (WD, B1, B2, OMB1, OMB2,
// STEP, BC2, EPS; LR, MOM) and FLUSH, its flush-to-zero of subnormals.

// DECAY sets g += WD*w (wsrc: memory or register), using t.
#define DECAY(wsrc, g, t) \
	VMULPS wsrc, WD, t \
	VADDPS t, g, g

// ADAM takes the (decayed) gradient in g and m, v, w from msrc, vsrc, wsrc
// (memory or registers); it leaves the new m in m, v in v, w in g, using t:
//
//	m = flush(B1*m + OMB1*g)
//	v = flush(B2*v + OMB2*(g*g))
//	w = w - STEP*(m / (sqrt(v)/BC2 + EPS))
#define ADAM(wsrc, msrc, vsrc, g, m, v, t) \
	VMULPS  msrc, B1, m \
	VMULPS  g, OMB1, t \
	VADDPS  t, m, m \
	FLUSH(m, t) \
	VMULPS  g, g, t \
	VMULPS  t, OMB2, t \
	VMULPS  vsrc, B2, v \
	VADDPS  t, v, v \
	FLUSH(v, t) \
	VSQRTPS v, t \
	VDIVPS  BC2, t, t \
	VADDPS  EPS, t, t \
	VDIVPS  t, m, t \
	VMULPS  t, STEP, t \
	VMOVUPS wsrc, g \
	VSUBPS  t, g, g

// MOMENTUM sets v = flush(MOM*vel + g) (velsrc: memory or register),
// using t.
#define MOMENTUM(velsrc, g, v, t) \
	VMULPS velsrc, MOM, v \
	VADDPS g, v, v \
	FLUSH(v, t)

// NESTEROV_UPD sets g = g + MOM*v, using t.
#define NESTEROV_UPD(g, v, t) \
	VMULPS v, MOM, t \
	VADDPS t, g, g

// UPDATE sets t = w - LR*u (wsrc: memory or register), clobbering u.
#define UPDATE(wsrc, u, t) \
	VMULPS  u, LR, u \
	VMOVUPS wsrc, t \
	VSUBPS  u, t, t
