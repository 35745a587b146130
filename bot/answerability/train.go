package answerability

import "math"

// Example is one labelled decision: the features of a question's ranking
// and whether its top passage holds the answer.
type Example struct {
	Features []float64
	Answers  bool
	// Weight is how much the example counts in training (1 when 0).
	Weight float64
}

// TrainOptions tune Train.
type TrainOptions struct {
	// L2 is the ridge penalty on the standardised weights.
	L2 float64
	// Iterations of Newton's method, at most (it stops when converged).
	Iterations int
}

// Train fits a logistic regression to the examples by Newton's method on
// standardised features (deterministic: the same examples give the same
// model). The threshold is left 0.5 for the caller to choose.
func Train(examples []Example, opts TrainOptions) *Model {
	if opts.Iterations == 0 {
		opts.Iterations = 25
	}
	d := NumFeatures
	m := &Model{Threshold: 0.5, Mean: make([]float64, d), Scale: make([]float64, d), Weight: make([]float64, d)}
	var wsum float64
	for _, e := range examples {
		w := exampleWeight(e)
		wsum += w
		for k, x := range e.Features {
			m.Mean[k] += w * x
		}
	}
	for k := range m.Mean {
		m.Mean[k] /= wsum
	}
	for _, e := range examples {
		w := exampleWeight(e)
		for k, x := range e.Features {
			m.Scale[k] += w * (x - m.Mean[k]) * (x - m.Mean[k])
		}
	}
	for k := range m.Scale {
		m.Scale[k] = math.Sqrt(m.Scale[k] / wsum)
		if m.Scale[k] < 1e-9 {
			m.Scale[k] = 1 // a constant feature: its weight stays 0
		}
	}
	xs := make([][]float64, len(examples))
	for i, e := range examples {
		x := make([]float64, d+1)
		x[0] = 1
		for k, v := range e.Features {
			x[k+1] = (v - m.Mean[k]) / m.Scale[k]
		}
		xs[i] = x
	}
	beta := make([]float64, d+1)
	for it := 0; it < opts.Iterations; it++ {
		grad := make([]float64, d+1)
		hess := make([][]float64, d+1)
		for k := range hess {
			hess[k] = make([]float64, d+1)
		}
		for i, e := range examples {
			x, w := xs[i], exampleWeight(e)
			z := 0.0
			for k := range x {
				z += beta[k] * x[k]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if e.Answers {
				y = 1
			}
			g, h := w*(p-y), w*p*(1-p)
			for a := range x {
				grad[a] += g * x[a]
				ha, hx := hess[a], h*x[a]
				for b := a; b < len(x); b++ {
					ha[b] += hx * x[b]
				}
			}
		}
		for a := range hess { // symmetric: only the upper half was summed
			for b := 0; b < a; b++ {
				hess[a][b] = hess[b][a]
			}
		}
		for k := 1; k <= d; k++ { // the bias is not penalised
			grad[k] += opts.L2 * beta[k]
			hess[k][k] += opts.L2
		}
		step := solve(hess, grad)
		largest := 0.0
		for k := range beta {
			beta[k] -= step[k]
			largest = max(largest, math.Abs(step[k]))
		}
		if largest < 1e-9 { // converged: further steps change nothing
			break
		}
	}
	m.Bias = beta[0]
	copy(m.Weight, beta[1:])
	return m
}

func exampleWeight(e Example) float64 {
	if e.Weight == 0 {
		return 1
	}
	return e.Weight
}

// solve returns x with a·x = b by Gaussian elimination with partial
// pivoting (a is small and, with the ridge, positive definite).
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		if math.Abs(m[c][c]) < 1e-12 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		if math.Abs(m[r][r]) > 1e-12 {
			x[r] = s / m[r][r]
		}
	}
	return x
}
