// Shared by optim_avx2_amd64.s and optim_avx512_amd64.s: the steps of the
// optimizer updates, each operation its own instruction in the order of the
// generic Go loop (never an FMA). They take ymm or zmm registers alike; the
// including file defines the scalars' registers (WD, B1, B2, OMB1, OMB2,
// STEP, BC2, EPS; LR, MOM) and FLUSH, its flush-to-zero of subnormals.

// DECAY sets g += WD*w (wsrc: memory or register), using t.
#define DECAY(wsrc, g, t) \
	VMULPS wsrc, WD, t \
	VADDPS t, g, g

// WITH_DECAY adds WD*w (wsrc) to the gradient in V0 if WD_ON, using t,
// and goes on at the label done.
#define WITH_DECAY(done, wsrc, t) \
	TESTL WD_ON, WD_ON \
	JZ    done \
	DECAY(wsrc, V0, t) \
done:

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

// The loops below take ymm or zmm registers as V0–V15 (ymm_amd64.h or
// zmm_amd64.h, with the masked tail's TAIL_MASK, MLOAD and MSTORE) and
// the labels they define and jump to as arguments. The weight
// decay, momentum and Nesterov branches test WD_ON, MOM_ON and NESTEROV.

// ADAM_LOOP1 is AdamStep's loop over one vector a trip (g, m, v, t in
// V0–V3); ADAM_TAIL is its masked tail (w, m, v loaded into V4–V6).
#define ADAM_LOOP1(loop, body, exit) \
	N_LOOP(loop, exit, 1) \
	VMOVUPS (G_PTR), V0 \
	WITH_DECAY(body, (W_PTR), V3) \
	ADAM((W_PTR), (M_PTR), (V_PTR), V0, V1, V2, V3) \
	VMOVUPS V0, (W_PTR) \
	VMOVUPS V1, (M_PTR) \
	VMOVUPS V2, (V_PTR) \
	N_NEXT4(loop, 1, W_PTR, G_PTR, M_PTR, V_PTR)

#define ADAM_TAIL(tail, exit, body) \
	N_TAIL(tail, exit) \
	TAIL_MASK \
	MLOAD((G_PTR), V0) \
	MLOAD((W_PTR), V4) \
	MLOAD((M_PTR), V5) \
	MLOAD((V_PTR), V6) \
	WITH_DECAY(body, V4, V3) \
	ADAM(V4, V5, V6, V0, V1, V2, V3) \
	MSTORE(V0, (W_PTR)) \
	MSTORE(V1, (M_PTR)) \
	MSTORE(V2, (V_PTR))

// SGD_LOOP4 is SGDStep's loop over four vectors a trip, vector j in
// V(3j) (the gradient, then the update), V(3j+1) (the velocity) and
// V(3j+2) (a temporary, then the new w); VEL_PTR advances too, but is not
// dereferenced without momentum. SGD_LOOP1 is the loop over one vector a
// trip and SGD_TAIL the masked tail (w loaded into V3, vel into V4).
#define SGD_LOOP4(loop, exit, mom, heavy, upd) \
	N_LOOP(loop, exit, 4) \
	LOAD4(G_PTR, V0, V3, V6, V9) \
	TESTL WD_ON, WD_ON \
	JZ    mom \
	DECAY((W_PTR), V0, V2) \
	DECAY(VB(W_PTR), V3, V5) \
	DECAY((2*VB)(W_PTR), V6, V8) \
	DECAY((3*VB)(W_PTR), V9, V11) \
mom: \
	TESTL MOM_ON, MOM_ON \
	JZ    upd \
	MOMENTUM((VEL_PTR), V0, V1, V2) \
	MOMENTUM(VB(VEL_PTR), V3, V4, V5) \
	MOMENTUM((2*VB)(VEL_PTR), V6, V7, V8) \
	MOMENTUM((3*VB)(VEL_PTR), V9, V10, V11) \
	STORE4(V1, V4, V7, V10, VEL_PTR) \
	TESTL NESTEROV, NESTEROV \
	JZ    heavy \
	NESTEROV_UPD(V0, V1, V2) \
	NESTEROV_UPD(V3, V4, V5) \
	NESTEROV_UPD(V6, V7, V8) \
	NESTEROV_UPD(V9, V10, V11) \
	JMP   upd \
heavy: \
	VMOVAPS V1, V0 \
	VMOVAPS V4, V3 \
	VMOVAPS V7, V6 \
	VMOVAPS V10, V9 \
upd: \
	UPDATE((W_PTR), V0, V2) \
	UPDATE(VB(W_PTR), V3, V5) \
	UPDATE((2*VB)(W_PTR), V6, V8) \
	UPDATE((3*VB)(W_PTR), V9, V11) \
	STORE4(V2, V5, V8, V11, W_PTR) \
	N_NEXT3(loop, 4, W_PTR, G_PTR, VEL_PTR)

// SGD_PICK1 sets V0 to the single vector's update, g + MOM·v (g in V0, v in
// V1) with Nesterov, else v, and goes on at upd.
#define SGD_PICK1(heavy, upd) \
	TESTL   NESTEROV, NESTEROV \
	JZ      heavy \
	NESTEROV_UPD(V0, V1, V2) \
	JMP     upd \
heavy: \
	VMOVAPS V1, V0 \
upd:

// SGD_LOOP1: SGD_LOOP4 for one vector a trip (V0 the gradient, then the
// update; V1 the velocity; V2 a temporary, then the new w).
#define SGD_LOOP1(loop, exit, mom, heavy, upd) \
	N_LOOP(loop, exit, 1) \
	VMOVUPS (G_PTR), V0 \
	WITH_DECAY(mom, (W_PTR), V2) \
	TESTL   MOM_ON, MOM_ON \
	JZ      upd \
	MOMENTUM((VEL_PTR), V0, V1, V2) \
	VMOVUPS V1, (VEL_PTR) \
	SGD_PICK1(heavy, upd) \
	UPDATE((W_PTR), V0, V2) \
	VMOVUPS V2, (W_PTR) \
	N_NEXT3(loop, 1, W_PTR, G_PTR, VEL_PTR)

// SGD_TAIL: the masked tail, as SGD_LOOP1 with w loaded into V3 and the
// velocity into V4 (masked loads and stores).
#define SGD_TAIL(tail, exit, mom, heavy, upd) \
	N_TAIL(tail, exit) \
	TAIL_MASK \
	MLOAD((G_PTR), V0) \
	MLOAD((W_PTR), V3) \
	WITH_DECAY(mom, V3, V2) \
	TESTL MOM_ON, MOM_ON \
	JZ    upd \
	MLOAD((VEL_PTR), V4) \
	MOMENTUM(V4, V0, V1, V2) \
	MSTORE(V1, (VEL_PTR)) \
	SGD_PICK1(heavy, upd) \
	UPDATE(V3, V0, V2) \
	MSTORE(V2, (W_PTR))
